package dev.mora.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Reads what an agent submitted to complete a task, in Tasklist's form or over the REST API, field by field, and
 * collects one error per bad field; {@link #orRefuse} then refuses them all at once. The engine's form-validation
 * error fails the completion (the task stays open) and is what the REST API answers with 400.
 */
public final class FormValues {

	/** The length of the forms' comments. */
	public static final int COMMENT_LENGTH = 1000;

	private static final Pattern REFERENCE = Pattern.compile("[\\p{L}0-9 ._:/#-]+");

	private final List<String> errors = new ArrayList<>();

	/** One of the choices, by name; null when missing or unknown. */
	public <E extends Enum<E>> E choice(String field, Object value, Class<E> choices) {
		if (value instanceof String text) {
			for (E choice : choices.getEnumConstants()) {
				if (choice.name().equals(text.strip())) {
					return choice;
				}
			}
		}
		this.errors.add(field + ": must be one of " + String.join(", ",
				Arrays.stream(choices.getEnumConstants()).map(Enum::name).toList()) + ", not " + value);
		return null;
	}

	/**
	 * A day from {@code first} to {@code last}: form-js sends "2026-12-31", some clients a date-time (whose date is
	 * meant) or a date variable; null when missing or out of range.
	 */
	public LocalDate date(String field, Object value, LocalDate first, LocalDate last, ZoneId zone) {
		LocalDate date = parseDate(value, zone);
		if (date == null) {
			this.errors.add(field + ": must be an ISO date such as " + first + ", not " + value);
			return null;
		}
		if (date.isBefore(first) || date.isAfter(last)) {
			this.errors.add(field + ": must be from " + first + " to " + last + ", not " + date);
			return null;
		}
		return date;
	}

	/** A yes or no: a boolean, or its text ("true", "false"); null when missing or anything else. */
	public Boolean bool(String field, Object value, String meaning) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
			return Boolean.valueOf(text);
		}
		this.errors.add(field + ": must be " + meaning);
		return null;
	}

	/** A whole number from {@code min} to {@code max}, as a number or its text; null when missing or out of range. */
	public Integer wholeNumber(String field, Object value, int min, int max) {
		Integer number;
		try {
			BigDecimal exact = (value instanceof Number || value instanceof String)
					? new BigDecimal(value.toString().strip()) : null;
			number = (exact != null) ? exact.intValueExact() : null;
		}
		catch (NumberFormatException | ArithmeticException ex) {
			number = null;
		}
		if (number == null || number < min || number > max) {
			this.errors.add(field + ": must be a whole number from " + min + " to " + max + ", not " + value);
			return null;
		}
		return number;
	}

	/**
	 * An amount of money, more than zero with at most two decimals: form-js sends a number, REST clients often text
	 * ("120.50"); null when missing or bad.
	 */
	public BigDecimal amount(String field, Object value) {
		BigDecimal amount = null;
		try {
			if (value instanceof Number || value instanceof String) {
				amount = new BigDecimal(value.toString().strip()).stripTrailingZeros();
			}
		}
		catch (NumberFormatException ex) {
			amount = null;
		}
		if (amount == null || amount.signum() <= 0 || Math.max(amount.scale(), 0) > 2
				|| amount.precision() - amount.scale() > 12) {
			this.errors.add(field + ": must be an amount greater than 0 with at most 2 decimals, not " + value);
			return null;
		}
		return amount.setScale(2);
	}

	/**
	 * A reference such as a bank operation number: 1 to {@code length} letters, digits, spaces and {@code . _ : / # -},
	 * upper case with single spaces, so that "op 123" and "OP  123" are the same reference; null when missing or bad.
	 */
	public String reference(String field, Object value, int length) {
		String reference = (value instanceof String text) ? text.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)
				: "";
		if (reference.isEmpty() || reference.length() > length || !REFERENCE.matcher(reference).matches()) {
			this.errors.add(
					field + ": must be 1 to " + length + " letters, digits, spaces or . _ : / # -, not " + value);
			return null;
		}
		return reference;
	}

	/** Optional text of at most {@code length} characters. */
	public void optionalText(String field, Object value, int length) {
		if (value != null && !(value instanceof String)) {
			this.errors.add(field + ": must be text, not " + value);
		}
		else if (value != null && ((String) value).length() > length) {
			this.errors.add(field + ": must be at most " + length + " characters, not " + ((String) value).length());
		}
	}

	/** A field that makes no sense with the other values. */
	public void refuse(String error) {
		this.errors.add(error);
	}

	public List<String> errors() {
		return List.copyOf(this.errors);
	}

	/**
	 * Refuses the submission when any field was bad, naming each.
	 * @param what the decision, for the message: "manual contact outcome"
	 * @throws FormFieldValidationException carrying the errors
	 */
	public void orRefuse(String what) {
		if (!this.errors.isEmpty()) {
			throw new FormFieldValidationException(errors(), "Invalid " + what + ": " + String.join("; ", this.errors));
		}
	}

	private static LocalDate parseDate(Object value, ZoneId zone) {
		if (value instanceof Date date) {
			return date.toInstant().atZone(zone).toLocalDate();
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		if (value instanceof String text) {
			String day = text.strip();
			try {
				return LocalDate.parse((day.length() > 10 && day.charAt(10) == 'T') ? day.substring(0, 10) : day);
			}
			catch (DateTimeParseException ex) {
				return null;
			}
		}
		return null;
	}

}
