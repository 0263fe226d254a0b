package dev.mora.whatsapp;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** How amounts and dates read in messages: {@code S/ 1,234.56} and {@code 15/12/2026}. */
public final class MessageFormats {

	private static final Map<String, String> SYMBOLS = Map.of("PEN", "S/", "USD", "US$", "EUR", "€");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private MessageFormats() {
	}

	public static String money(BigDecimal amount, String currency) {
		DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.US));
		format.setParseBigDecimal(true);
		return SYMBOLS.getOrDefault(currency, currency) + " " + format.format(amount);
	}

	public static String date(LocalDate date) {
		return DATE.format(date);
	}

	/** A phone number fit for logs: {@code +51 9** *** 321}. */
	public static String maskPhone(String phone) {
		if (phone == null || phone.length() < 7) {
			return "***";
		}
		String digits = phone.startsWith("+") ? phone.substring(1) : phone;
		String country = digits.startsWith("51") ? "51" : digits.substring(0, Math.min(2, digits.length() - 4));
		String national = digits.substring(country.length());
		StringBuilder masked = new StringBuilder("+").append(country).append(' ').append(national.charAt(0));
		for (int i = 1; i < national.length() - 3; i++) {
			masked.append('*');
			if (i == 2 && national.length() > 6) {
				masked.append(' ');
			}
		}
		return masked.append(' ').append(national.substring(national.length() - 3)).toString().replace("  ", " ");
	}

}
