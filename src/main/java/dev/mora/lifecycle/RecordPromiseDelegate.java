package dev.mora.lifecycle;

import java.time.LocalDate;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records a promise to pay, made on WhatsApp or to an agent: escalation pauses until the day after it (the send step
 * defers to then), and the debtor is told, inside the 24-hour window, that the promise was noted.
 */
@Component
class RecordPromiseDelegate implements JavaDelegate {

	private final DebtService debts;

	private final ReminderSender sender;

	private final Replies replies;

	RecordPromiseDelegate(DebtService debts, ReminderSender sender, Replies replies) {
		this.debts = debts;
		this.sender = sender;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		LocalDate promised = DebtLifecycle.Variables.promisedDate(execution);
		this.debts.promise(debt.debtId(), promised);
		if (debt.isCollectable() && !this.replies.optedOut(debt) && this.replies.withinWindow(debt.debtor().phone())) {
			// One confirmation per reply; a promise made to an agent on the phone is confirmed once per day promised.
			Long replyEventId = DebtLifecycle.Variables.replyEventIdOrNull(execution);
			String key = "PROMISE:" + ((replyEventId != null) ? replyEventId
					: promised + ":" + execution.getProcessInstanceId());
			this.replies.audit(debt, key, this.sender.sendText(debt, key, "Gracias " + debt.debtor().firstName()
					+ ", anotamos tu compromiso de pagar " + MessageFormats.money(debt.balance(), debt.currency())
					+ " hasta el " + MessageFormats.date(promised) + "."),
					"respuesta a la promesa del deudor, dentro de la ventana de 24 h");
		}
	}

}
