package dev.mora.lifecycle;

import java.time.Clock;
import java.time.LocalDate;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks what an agent recorded after contacting the debtor by hand, in the transaction that completes the task, and
 * leaves it in one shape ({@code promisedDate} an ISO date string). A bad outcome fails the completion: the task
 * stays open, and the REST API answers 400 naming each field.
 */
@Component
class CheckContactOutcomeDelegate implements JavaDelegate {

	private final DebtService debts;

	private final Clock clock;

	CheckContactOutcomeDelegate(DebtService debts, Clock clock) {
		this.debts = debts;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		ManualContactDecision decision = ManualContactDecision.read(
				execution.getVariable(DebtLifecycle.Variables.CONTACT_OUTCOME),
				execution.getVariable(DebtLifecycle.Variables.PROMISED_DATE),
				execution.getVariable(DebtLifecycle.Variables.CONTACT_COMMENT),
				LocalDate.now(this.clock.withZone(debt.timezone())), debt.timezone());
		execution.setVariable(DebtLifecycle.Variables.CONTACT_OUTCOME, decision.outcome().name());
		if (decision.promisedDate() != null) {
			execution.setVariable(DebtLifecycle.Variables.PROMISED_DATE, decision.promisedDate().toString());
		}
	}

}
