package dev.mora.refinancing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

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
	 * Reads the decision, or names every bad field.
	 * @param today the debtor's local date
	 * @throws Invalid naming each bad field
	 */
	public static RefinancingDecision read(Object approved, Object installments, Object firstDueDate, LocalDate today,
			ZoneId zone) {
		List<String> errors = new ArrayList<>();
		Boolean yes = bool(approved);
		if (yes == null) {
			errors.add(Refinancing.Variables.APPROVED + ": must be true (approve) or false (reject)");
			throw new Invalid(errors);
		}
		if (!yes) {
			return new RefinancingDecision(false, null, null);
		}
		Integer count = wholeNumber(installments);
		if (count == null || count < RefinancingPlan.MIN_INSTALLMENTS || count > RefinancingPlan.MAX_INSTALLMENTS) {
			errors.add(Refinancing.Variables.INSTALLMENTS + ": must be a whole number from "
					+ RefinancingPlan.MIN_INSTALLMENTS + " to " + RefinancingPlan.MAX_INSTALLMENTS + ", not "
					+ installments);
		}
		LocalDate first = date(firstDueDate, zone);
		if (first == null) {
			errors.add(Refinancing.Variables.FIRST_DUE_DATE + ": must be an ISO date such as " + today.plusDays(7)
					+ ", not " + firstDueDate);
		}
		else if (first.isBefore(today) || first.isAfter(today.plusYears(1))) {
			errors.add(Refinancing.Variables.FIRST_DUE_DATE + ": must be from " + today + " to " + today.plusYears(1)
					+ ", not " + first);
		}
		if (!errors.isEmpty()) {
			throw new Invalid(errors);
		}
		return new RefinancingDecision(true, count, first);
	}

	private static Boolean bool(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.valueOf(text);
		}
		return null;
	}

	private static Integer wholeNumber(Object value) {
		try {
			BigDecimal number = (value instanceof Number) ? new BigDecimal(value.toString())
					: (value instanceof String text) ? new BigDecimal(text.strip()) : null;
			return (number != null) ? number.intValueExact() : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return null;
		}
	}

	private static LocalDate date(Object value, ZoneId zone) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(zone).toLocalDate();
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof String text) {
			try {
				// Form-js sends "2026-12-31"; some clients send a date-time: its date part is meant.
				String day = text.strip();
				return LocalDate.parse((day.length() > 10 && day.charAt(10) == 'T') ? day.substring(0, 10) : day);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

	/** The decision cannot be carried out as it stands; each error names its field. */
	public static final class Invalid extends RuntimeException {

		private final transient List<String> errors;

		Invalid(List<String> errors) {
			super(String.join("; ", errors));
			this.errors = List.copyOf(errors);
		}

		public List<String> errors() {
			return this.errors;
		}

	}

}
