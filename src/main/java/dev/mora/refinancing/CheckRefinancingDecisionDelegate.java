package dev.mora.refinancing;

import java.time.Clock;
import java.time.LocalDate;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks an agent's or a supervisor's decision right after their task, in the transaction that completes it, and
 * leaves it in one shape ({@code installments} an Integer, {@code firstDueDate} an ISO date string). A bad decision
 * fails the completion and the task stays open: Tasklist shows why, and the REST API answers 400 naming each field
 * (the engine's form-validation error is the one it maps to 400).
 */
@Component
class CheckRefinancingDecisionDelegate implements JavaDelegate {

	private final DebtService debts;

	private final Clock clock;

	CheckRefinancingDecisionDelegate(DebtService debts, Clock clock) {
		this.debts = debts;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get((String) execution.getVariable(Refinancing.Variables.DEBT_ID));
		LocalDate today = LocalDate.now(this.clock.withZone(debt.timezone()));
		RefinancingDecision decision = RefinancingDecision.read(execution.getVariable(Refinancing.Variables.APPROVED),
				execution.getVariable(Refinancing.Variables.INSTALLMENTS),
				execution.getVariable(Refinancing.Variables.FIRST_DUE_DATE), today, debt.timezone());
		execution.setVariable(Refinancing.Variables.APPROVED, decision.approved());
		if (decision.approved()) {
			execution.setVariable(Refinancing.Variables.INSTALLMENTS, decision.installments());
			execution.setVariable(Refinancing.Variables.FIRST_DUE_DATE, decision.firstDueDate().toString());
		}
	}

}
