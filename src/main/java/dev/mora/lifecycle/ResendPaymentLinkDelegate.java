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

/**
 * Answers "pagar" with the payment link: as text inside the 24-hour window the debtor's message opened, as the
 * payment-link template outside it (a late retry).
 */
@Component
class ResendPaymentLinkDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_enlace_pago";

	private final DebtService debts;

	private final PaymentLinkService links;

	private final Replies replies;

	ResendPaymentLinkDelegate(DebtService debts, PaymentLinkService links, Replies replies) {
		this.debts = debts;
		this.links = links;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		if (!debt.isCollectable() || this.replies.optedOut(debt)) {
			return;
		}
		String key = "PAY_LINK:" + DebtLifecycle.Variables.replyEventId(execution);
		this.replies.answer(debt, key, "Hola " + debt.debtor().firstName() + ", aquí tienes tu enlace para pagar "
				+ MessageFormats.money(debt.balance(), debt.currency()) + ": " + this.links.linkFor(debt).url(),
				TEMPLATE, Map.of(), "respuesta al pedido del deudor");
	}

}
