package dev.mora.debt;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.mora.contact.ContactProperties;

import org.springframework.stereotype.Component;

/** Checks a registration field by field and names every bad one. */
@Component
class DebtValidator {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_]{1,32}");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(_[A-Z]{2})?");

	private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

	static final String DEFAULT_SEGMENT = "STANDARD";

	static final String DEFAULT_LANGUAGE = "es";

	private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

	private final ZoneId defaultZone;

	DebtValidator(ContactProperties contact) {
		this.defaultZone = contact.defaultZone();
	}

	/** The debt, or {@link InvalidDebtException} naming every bad field. */
	NewDebt validate(DebtRequest request) {
		List<FieldError> errors = new ArrayList<>();
		NewDebt debt = validate(request, errors);
		if (!errors.isEmpty()) {
			throw new InvalidDebtException(errors);
		}
		return debt;
	}

	/** A debtor's new name and phone, or {@link InvalidDebtException} naming every bad field. */
	Debtor validateDebtor(String debtorId, String name, String phone) {
		List<FieldError> errors = new ArrayList<>();
		String validName = name(name, errors);
		String validPhone = phone(phone, errors);
		if (!errors.isEmpty()) {
			throw new InvalidDebtException(errors.stream()
				.map((error) -> FieldError.of(error.field().replace("debtor.", ""), error.message()))
				.toList());
		}
		return new Debtor(debtorId, validName, validPhone);
	}

	/** Adds every bad field to {@code errors}; returns the debt only when there were none. */
	NewDebt validate(DebtRequest request, List<FieldError> errors) {
		int before = errors.size();
		String debtId = matching("debtId", request.debtId(), ID, "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'",
				errors);
		DebtRequest.DebtorRequest debtor = request.debtor();
		String debtorId = null;
		String name = null;
		String phone = null;
		if (debtor == null) {
			errors.add(FieldError.of("debtor", "is required"));
		}
		else {
			debtorId = matching("debtor.id", debtor.id(), ID, "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-'",
					errors);
			name = name(debtor.name(), errors);
			phone = phone(debtor.phone(), errors);
		}
		BigDecimal amount = Fields.amount("amount", request.amount(), errors);
		String currency = Fields.currency("currency", request.currency(), errors);
		LocalDate dueDate = dueDate(request.dueDate(), errors);
		String segment = isBlank(request.segment()) ? DEFAULT_SEGMENT
				: matching("segment", request.segment().strip(), SEGMENT, "must be 1-32 characters of A-Z, 0-9 or '_'",
						errors);
		ZoneId zone = zone(request.timezone(), errors);
		String language = isBlank(request.language()) ? DEFAULT_LANGUAGE
				: matching("language", request.language().strip(), LANGUAGE,
						"must be a WhatsApp language code such as 'es' or 'en_US'", errors);
		if (errors.size() > before) {
			return null;
		}
		return new NewDebt(debtId, new Debtor(debtorId, name, phone), amount, currency, dueDate,
				segment.toUpperCase(Locale.ROOT), zone, language);
	}

	private static String matching(String field, String value, Pattern pattern, String message,
			List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of(field, "is required"));
			return null;
		}
		if (!pattern.matcher(value).matches()) {
			errors.add(FieldError.of(field, message));
			return null;
		}
		return value;
	}

	private static String name(String value, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of("debtor.name", "is required"));
			return null;
		}
		String name = value.strip();
		if (name.codePointCount(0, name.length()) > 200) {
			errors.add(FieldError.of("debtor.name", "must be at most 200 characters"));
			return null;
		}
		return name;
	}

	private String phone(String value, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of("debtor.phone", "is required"));
			return null;
		}
		String compact = value.replaceAll("[\\s()-]", "");
		if (!E164.matcher(compact).matches()) {
			errors.add(FieldError.of("debtor.phone", "must be an E.164 number such as +51987654321"));
			return null;
		}
		try {
			PhoneNumber number = this.phones.parse(compact, null);
			if (!this.phones.isValidNumber(number)) {
				errors.add(FieldError.of("debtor.phone", "is not a valid number for its country"));
				return null;
			}
			if (number.getCountryCode() == 51 && this.phones.getNumberType(number) != PhoneNumberUtil.PhoneNumberType.MOBILE) {
				errors.add(FieldError.of("debtor.phone", "must be a Peruvian mobile (+51 9XXXXXXXX) to receive WhatsApp"));
				return null;
			}
			String e164 = this.phones.format(number, PhoneNumberFormat.E164);
			if (!e164.equals(compact)) {
				errors.add(FieldError.of("debtor.phone", "must be E.164 without a trunk prefix, such as " + e164));
				return null;
			}
			return e164;
		}
		catch (NumberParseException ex) {
			errors.add(FieldError.of("debtor.phone", "must be an E.164 number such as +51987654321"));
			return null;
		}
	}

	private static LocalDate dueDate(String value, List<FieldError> errors) {
		if (isBlank(value)) {
			errors.add(FieldError.of("dueDate", "is required"));
			return null;
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			errors.add(FieldError.of("dueDate", "must be an ISO date such as 2026-12-15"));
			return null;
		}
	}

	private ZoneId zone(String value, List<FieldError> errors) {
		if (isBlank(value)) {
			return this.defaultZone;
		}
		try {
			return ZoneId.of(value.strip());
		}
		catch (DateTimeException ex) {
			errors.add(FieldError.of("timezone", "must be an IANA time zone such as America/Lima"));
			return null;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

}
