package dev.mora.lifecycle;

import dev.mora.debt.DebtService;
import dev.mora.debt.DebtStatus;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Records the agent's decision once the reminders are exhausted. */
@Component
class RecordFinalActionDelegate implements JavaDelegate {

	private final DebtService debts;

	RecordFinalActionDelegate(DebtService debts) {
		this.debts = debts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.debts.closeAs(DebtLifecycle.Variables.debtId(execution),
				FinalAction.valueOf(DebtLifecycle.Variables.finalAction(execution)).status());
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
