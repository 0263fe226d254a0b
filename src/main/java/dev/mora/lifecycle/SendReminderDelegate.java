package dev.mora.lifecycle;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.WhatsAppErrorKind;
import dev.mora.whatsapp.WhatsAppException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Sends the chosen stage over WhatsApp. Runs in its own job: transient errors are retried by the job's retry cycle;
 * a recipient that cannot be reached takes the BPMN path to an agent.
 */
@Component
class SendReminderDelegate implements JavaDelegate {

	private final DebtService debts;

	private final ReminderSender sender;

	SendReminderDelegate(DebtService debts, ReminderSender sender) {
		this.debts = debts;
		this.sender = sender;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		String stage = DebtLifecycle.Variables.stage(execution);
		if (!debt.isCollectable()) {
			// Paid or cancelled between the balance check and this job: send nothing.
			return;
		}
		try {
			this.sender.send(debt, stage, DebtLifecycle.Variables.stageTemplate(execution));
		}
		catch (WhatsAppException ex) {
			if (ex.kind() != WhatsAppErrorKind.PERMANENT) {
				throw ex;
			}
			// The stage is spent: the lifecycle goes on from the next one after an agent tried.
			this.debts.stageSent(debt.debtId(), stage);
			throw new BpmnError(DebtLifecycle.ERR_RECIPIENT_UNREACHABLE, ex.getMessage());
		}
		this.debts.stageSent(debt.debtId(), stage);
	}

}
