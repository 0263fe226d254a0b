package dev.mora.debt;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/** Checks of money fields shared by every intake: debts and payments. */
public final class Fields {

	private static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

	private Fields() {
	}

	public static BigDecimal amount(String field, String value, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of(field, "is required"));
			return null;
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(value.strip());
		}
		catch (NumberFormatException ex) {
			errors.add(FieldError.of(field, "must be a decimal number such as 350.00"));
			return null;
		}
		if (amount.signum() <= 0) {
			errors.add(FieldError.of(field, "must be greater than 0"));
			return null;
		}
		if (amount.stripTrailingZeros().scale() > 2) {
			errors.add(FieldError.of(field, "must have at most 2 decimals"));
			return null;
		}
		if (amount.compareTo(MAX_AMOUNT) > 0) {
			errors.add(FieldError.of(field, "must be at most " + MAX_AMOUNT.toPlainString()));
			return null;
		}
		return amount.setScale(2);
	}

	public static String currency(String field, String value, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of(field, "is required"));
			return null;
		}
		String code = value.strip();
		try {
			if (code.length() == 3 && code.equals(code.toUpperCase(Locale.ROOT))) {
				return Currency.getInstance(code).getCurrencyCode();
			}
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		errors.add(FieldError.of(field, "must be an ISO 4217 code such as PEN or USD"));
		return null;
	}

	static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
