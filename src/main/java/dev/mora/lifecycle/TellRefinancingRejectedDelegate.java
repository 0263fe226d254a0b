package dev.mora.lifecycle;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.payment.PaymentLinkService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Tells the debtor the refinancing was not approved; the lifecycle goes on. */
@Component
class TellRefinancingRejectedDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_refinanciamiento_rechazado";

	private final DebtService debts;

	private final ReminderSender sender;

	private final Replies replies;

	private final PaymentLinkService links;

	TellRefinancingRejectedDelegate(DebtService debts, ReminderSender sender, Replies replies,
			PaymentLinkService links) {
		this.debts = debts;
		this.sender = sender;
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
		if (this.replies.withinWindow(debt.debtor().phone())) {
			this.replies.audit(debt, key, this.sender.sendText(debt, key, "Hola " + debt.debtor().firstName()
					+ ", por ahora no podemos refinanciar tu deuda de " + MessageFormats.money(debt.balance(), debt.currency())
					+ ". Puedes pagarla desde " + this.links.linkFor(debt).url()), "respuesta a un pedido de refinanciamiento");
		}
		else {
			this.replies.audit(debt, key, this.sender.send(debt, key, TEMPLATE),
					"respuesta a un pedido de refinanciamiento, plantilla fuera de la ventana de 24 h");
		}
	}

}
