package dev.mora.lifecycle;

import java.util.Map;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.payment.PaymentLinkService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Tells the debtor the refinancing was not approved; the lifecycle goes on. */
@Component
class TellRefinancingRejectedDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_refinanciamiento_rechazado";

	private final DebtService debts;

	private final Replies replies;

	private final PaymentLinkService links;

	TellRefinancingRejectedDelegate(DebtService debts, Replies replies,
			PaymentLinkService links) {
		this.debts = debts;
		this.replies = replies;
		this.links = links;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		if (!debt.isCollectable() || this.replies.optedOut(debt)) {
			return;
		}
		String key = "REFINANCING_REJECTED:" + execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId();
		if (key.length() > 160) {
			key = key.substring(0, 160);
		}
		this.replies.answer(debt, key, "Hola " + debt.debtor().firstName() + ", por ahora no podemos refinanciar tu deuda de "
				+ MessageFormats.money(debt.balance(), debt.currency()) + ". Puedes pagarla desde "
				+ this.links.linkFor(debt).url(), TEMPLATE, Map.of(), "respuesta a un pedido de refinanciamiento");
	}

}
