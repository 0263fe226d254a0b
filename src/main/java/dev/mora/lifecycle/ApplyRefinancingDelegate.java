package dev.mora.lifecycle;

import java.time.LocalDate;

import dev.mora.refinancing.Refinancing;
import dev.mora.refinancing.RefinancingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Creates the instalments of an approved refinancing, as the review's check left them: {@code installments} an
 * Integer, {@code firstDueDate} an ISO date string.
 */
@Component
class ApplyRefinancingDelegate implements JavaDelegate {

	private final RefinancingService refinancing;

	ApplyRefinancingDelegate(RefinancingService refinancing) {
		this.refinancing = refinancing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		int installments = ((Number) execution.getVariable(Refinancing.Variables.INSTALLMENTS)).intValue();
		LocalDate firstDueDate = LocalDate.parse((String) execution.getVariable(Refinancing.Variables.FIRST_DUE_DATE));
		this.refinancing.refinance(DebtLifecycle.Variables.debtId(execution), installments, firstDueDate);
	}

}
