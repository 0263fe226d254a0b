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

/**
 * Answers "pagar" with the payment link: as text inside the 24-hour window the debtor's message opened, as the
 * payment-link template outside it (a late retry).
 */
@Component
class ResendPaymentLinkDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_enlace_pago";

	private final DebtService debts;

	private final PaymentLinkService links;

	private final ReminderSender sender;

	private final Replies replies;

	ResendPaymentLinkDelegate(DebtService debts, PaymentLinkService links, ReminderSender sender, Replies replies) {
		this.debts = debts;
		this.links = links;
		this.sender = sender;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		if (!debt.isCollectable() || this.replies.optedOut(debt)) {
			return;
		}
		String key = "PAY_LINK:" + DebtLifecycle.Variables.replyEventId(execution);
		if (this.replies.withinWindow(debt.debtor().phone())) {
			this.replies.audit(debt, key, this.sender.sendText(debt, key, "Hola " + debt.debtor().firstName()
					+ ", aquí tienes tu enlace para pagar " + MessageFormats.money(debt.balance(), debt.currency())
					+ ": " + this.links.linkFor(debt).url()), "respuesta al pedido del deudor, dentro de la ventana de 24 h");
		}
		else {
			this.replies.audit(debt, key, this.sender.send(debt, key, TEMPLATE),
					"respuesta al pedido del deudor, plantilla fuera de la ventana de 24 h");
		}
	}

}
