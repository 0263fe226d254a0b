package dev.mora.refinancing;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.mora.web.FormValues;

/**
 * What an agent or a supervisor decided on a refinancing, read from the task's variables as the form or the REST API
 * sends them: {@code approved} a boolean, {@code installments} a whole number from 2 to 12, {@code firstDueDate} an ISO
 * date from today to a year ahead. Instalments due in the past would start their lifecycles overdue.
 *
 * @param approved whether the refinancing is approved
 * @param installments how many monthly instalments; null when rejected
 * @param firstDueDate the first instalment's due date; null when rejected
 */
public record RefinancingDecision(boolean approved, Integer installments, LocalDate firstDueDate) {

	/**
	 * Reads the decision, or refuses it naming every bad field.
	 * @param today the debtor's local date
	 * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming each bad field
	 */
	public static RefinancingDecision read(Object approved, Object installments, Object firstDueDate, LocalDate today,
			ZoneId zone) {
		FormValues values = new FormValues();
		Boolean yes = values.bool(Refinancing.Variables.APPROVED, approved, "true (approve) or false (reject)");
		values.orRefuse("refinancing decision");
		if (!yes) {
			return new RefinancingDecision(false, null, null);
		}
		Integer count = values.wholeNumber(Refinancing.Variables.INSTALLMENTS, installments,
				RefinancingPlan.MIN_INSTALLMENTS, RefinancingPlan.MAX_INSTALLMENTS);
		LocalDate first = values.date(Refinancing.Variables.FIRST_DUE_DATE, firstDueDate, today, today.plusYears(1),
				zone);
		values.orRefuse("refinancing decision");
		return new RefinancingDecision(true, count, first);
	}

}
