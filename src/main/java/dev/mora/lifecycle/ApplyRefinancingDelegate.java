package dev.mora.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import dev.mora.refinancing.RefinancingService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Creates the instalments of an approved refinancing. {@code installments} may come as any number and
 * {@code firstDueDate} as an ISO date string (the form, the REST API) or a date.
 */
@Component
class ApplyRefinancingDelegate implements JavaDelegate {

	static final String INSTALLMENTS = "installments";

	static final String FIRST_DUE_DATE = "firstDueDate";

	private final RefinancingService refinancing;

	ApplyRefinancingDelegate(RefinancingService refinancing) {
		this.refinancing = refinancing;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Object installments = execution.getVariable(INSTALLMENTS);
		Object first = execution.getVariable(FIRST_DUE_DATE);
		if (!(installments instanceof Number) && !(installments instanceof String)) {
			throw new IllegalArgumentException("An approved refinancing needs installments");
		}
		int count = (installments instanceof Number number) ? number.intValue()
				: Integer.parseInt(((String) installments).strip());
		LocalDate firstDueDate = (first instanceof Date date)
				? date.toInstant().atZone(ZoneId.of("America/Lima")).toLocalDate()
				: LocalDate.parse(String.valueOf(first).strip().substring(0, 10));
		this.refinancing.refinance(DebtLifecycle.Variables.debtId(execution), count, firstDueDate);
	}

}
