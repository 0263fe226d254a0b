package dev.mora.lifecycle;

import dev.mora.debt.DebtService;
import dev.mora.debt.DebtStatus;
import dev.mora.web.FormValues;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Records the agent's decision once the reminders are over, in the transaction that completes the task: a choice
 * the form does not offer fails the completion (400 over REST) and the task stays open.
 */
@Component
class RecordFinalActionDelegate implements JavaDelegate {

	private final DebtService debts;

	RecordFinalActionDelegate(DebtService debts) {
		this.debts = debts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		FormValues form = new FormValues();
		FinalAction action = form.choice(DebtLifecycle.Variables.FINAL_ACTION,
				execution.getVariable(DebtLifecycle.Variables.FINAL_ACTION), FinalAction.class);
		form.optionalText(DebtLifecycle.Variables.FINAL_COMMENT,
				execution.getVariable(DebtLifecycle.Variables.FINAL_COMMENT), FormValues.COMMENT_LENGTH);
		form.orRefuse("final collection decision");
		this.debts.closeAs(DebtLifecycle.Variables.debtId(execution), action.status());
	}

	/** The choices of the {@code FinalCollectionDecision} form. */
	enum FinalAction {

		MANUAL_COLLECTION(DebtStatus.MANUAL_COLLECTION), AGENCY_HANDOFF(DebtStatus.AGENCY),
		WRITE_OFF_PROPOSAL(DebtStatus.WRITE_OFF_PROPOSED);

		private final DebtStatus status;

		FinalAction(DebtStatus status) {
			this.status = status;
		}

		DebtStatus status() {
			return this.status;
		}

	}

}
