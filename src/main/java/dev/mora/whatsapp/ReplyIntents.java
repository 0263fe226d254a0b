package dev.mora.whatsapp;

import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a reply's intent, Spanish first, from buttons and from free text (accents and case ignored). The order of
 * the checks matters: "no puedo pagar" is a refinancing request, not a wish to pay; "pago el viernes" a promise.
 */
public final class ReplyIntents {

	/** Promises further away than this are read by an agent instead (and agents record none further either). */
	public static final int MAX_PROMISE_DAYS = 60;

	/**
	 * Asking to stop: a reply that opens with "baja", "stop" or "alto", or says it in so many words anywhere. Read
	 * generously: an opt-out missed keeps dunning someone who asked to stop, one read too many only hands the debt to
	 * other channels.
	 */
	private static final Pattern OPT_OUT = Pattern.compile("^(baja|stop|alto|basta)\\b|\\b(stop|unsubscribe)\\b"
			+ "|\\bde baja\\b|\\bno (me|nos) (escriban|escribas|contacten|manden|envien|mandes|envies|molesten|"
			+ "vuelvan a escribir)\\b|\\bdejen de (escribir|enviar|mandar|molestar)|\\bno quiero (recibir|mas)\\b"
			+ "|\\b(borren|eliminen|quiten) mi numero\\b");

	/** "No he pagado", "todavía no pagué", "aún no pago": the opposite of a payment claim. */
	private static final Pattern NOT_PAID = Pattern.compile(
			"\\b(no|nunca|todavia no|aun no) (he |hemos |lo he |la he )?(pagado|pague|pago|cancelado|cancele|depositado)\\b");

	/** "En la mañana" is a time of day, not tomorrow: "el lunes en la mañana pago". */
	private static final Pattern TIME_OF_DAY = Pattern.compile("\\b(en|por|de|a) la manana\\b");

	private static final List<String> ALREADY_PAID = List.of("ya pague", "ya page", "pagado", "ya cancele",
			"ya realice el pago", "ya hice el pago", "ya deposite", "ya transferi", "ya yapee", "ya plinee", "voucher",
			"comprobante", "constancia de pago");

	private static final List<String> REFINANCE = List.of("refinanc", "cuotas", "no puedo pagar", "no tengo para pagar",
			"fraccion", "plan de pago", "reprogram", "facilidades");

	private static final List<String> PAY = List.of("pagar", "link", "enlace", "como pago", "donde pago",
			"numero de cuenta", "yape", "plin");

	private static final Map<String, DayOfWeek> WEEKDAYS = Map.of("lunes", DayOfWeek.MONDAY, "martes",
			DayOfWeek.TUESDAY, "miercoles", DayOfWeek.WEDNESDAY, "jueves", DayOfWeek.THURSDAY, "viernes",
			DayOfWeek.FRIDAY, "sabado", DayOfWeek.SATURDAY, "domingo", DayOfWeek.SUNDAY);

	private static final List<String> MONTHS = List.of("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
			"agosto", "septiembre", "octubre", "noviembre", "diciembre");

	private static final Pattern NUMERIC_DATE = Pattern.compile("\\b(\\d{1,2})[/-](\\d{1,2})(?:[/-](\\d{2,4}))?\\b");

	private static final Pattern DAY_OF_MONTH = Pattern.compile("\\bel (\\d{1,2})\\b(?! de)");

	private static final Pattern DAY_AND_MONTH = Pattern.compile("\\b(\\d{1,2}) de (" + String.join("|", MONTHS)
			+ "|setiembre)\\b");

	private static final Pattern WEEKDAY = Pattern.compile("\\b(lunes|martes|miercoles|jueves|viernes|sabado|domingo)\\b");

	private ReplyIntents() {
	}

	/**
	 * The intent of a reply.
	 * @param type the message's type ({@code text}, {@code button}, {@code interactive}, {@code image}...)
	 * @param text its text (or a button's title, or an image's caption), may be null
	 * @param payload a button's payload, may be null
	 * @param today the debtor's local date, to read promised dates
	 */
	public static ReplyIntent classify(String type, String text, String payload, LocalDate today) {
		if (payload != null && payload.contains(":")) {
			String prefix = payload.substring(0, payload.indexOf(':'));
			String debtId = payload.substring(payload.indexOf(':') + 1);
			if (prefix.equals("PAY")) {
				return new ReplyIntent(ReplyIntent.Kind.PAY, debtId, null);
			}
			if (prefix.equals("REFINANCE")) {
				return new ReplyIntent(ReplyIntent.Kind.REFINANCE, debtId, null);
			}
		}
		if ("image".equals(type) || "document".equals(type)) {
			// A photo or a file in a collection chat is nearly always a payment voucher.
			return ReplyIntent.of(ReplyIntent.Kind.ALREADY_PAID);
		}
		String normal = normalize(text);
		if (normal.isEmpty()) {
			return ReplyIntent.of(ReplyIntent.Kind.OTHER);
		}
		if (OPT_OUT.matcher(normal).find()) {
			return ReplyIntent.of(ReplyIntent.Kind.OPT_OUT);
		}
		if (containsAny(NOT_PAID.matcher(normal).replaceAll(" "), ALREADY_PAID)) {
			return ReplyIntent.of(ReplyIntent.Kind.ALREADY_PAID);
		}
		if (containsAny(normal, REFINANCE)) {
			return ReplyIntent.of(ReplyIntent.Kind.REFINANCE);
		}
		Optional<LocalDate> promised = promisedDate(normal, today);
		if (promised.isPresent() && !promised.get().isBefore(today)
				&& !promised.get().isAfter(today.plusDays(MAX_PROMISE_DAYS))) {
			return new ReplyIntent(ReplyIntent.Kind.PROMISE, null, promised.get());
		}
		if (containsAny(normal, PAY)) {
			return ReplyIntent.of(ReplyIntent.Kind.PAY);
		}
		return ReplyIntent.of(ReplyIntent.Kind.OTHER);
	}

	/** The day a promise names: "mañana", "el viernes", "el 15", "15/12", "15 de diciembre", "fin de mes". */
	static Optional<LocalDate> promisedDate(String text, LocalDate today) {
		String normal = TIME_OF_DAY.matcher(text).replaceAll(" ");
		if (normal.contains("pasado manana")) {
			return Optional.of(today.plusDays(2));
		}
		if (normal.contains("manana")) {
			return Optional.of(today.plusDays(1));
		}
		if (normal.matches(".*\\bhoy\\b.*") && normal.matches(".*\\b(pago|pagare|pagaria|deposito|cancelo)\\b.*")) {
			return Optional.of(today);
		}
		if (normal.contains("fin de mes") || normal.contains("fin del mes")) {
			return Optional.of(today.with(TemporalAdjusters.lastDayOfMonth()));
		}
		Matcher numeric = NUMERIC_DATE.matcher(normal);
		if (numeric.find()) {
			return date(today, Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
					numeric.group(3));
		}
		Matcher dayAndMonth = DAY_AND_MONTH.matcher(normal);
		if (dayAndMonth.find()) {
			String month = dayAndMonth.group(2).equals("setiembre") ? "septiembre" : dayAndMonth.group(2);
			return date(today, Integer.parseInt(dayAndMonth.group(1)), MONTHS.indexOf(month) + 1, null);
		}
		Matcher weekday = WEEKDAY.matcher(normal);
		if (weekday.find()) {
			return Optional.of(today.with(TemporalAdjusters.next(WEEKDAYS.get(weekday.group(1)))));
		}
		Matcher day = DAY_OF_MONTH.matcher(normal);
		if (day.find()) {
			int dayOfMonth = Integer.parseInt(day.group(1));
			if (dayOfMonth < 1 || dayOfMonth > 31) {
				return Optional.empty();
			}
			LocalDate thisMonth = today.withDayOfMonth(Math.min(dayOfMonth, today.lengthOfMonth()));
			if (!thisMonth.isBefore(today)) {
				return Optional.of(thisMonth);
			}
			LocalDate nextMonth = today.plusMonths(1).withDayOfMonth(1);
			return Optional.of(nextMonth.withDayOfMonth(Math.min(dayOfMonth, nextMonth.lengthOfMonth())));
		}
		return Optional.empty();
	}

	private static Optional<LocalDate> date(LocalDate today, int day, int month, String year) {
		if (month < 1 || month > 12 || day < 1 || day > 31) {
			return Optional.empty();
		}
		int y = (year == null) ? today.getYear() : Integer.parseInt(year) + ((year.length() == 2) ? 2000 : 0);
		LocalDate first = LocalDate.of(y, month, 1);
		if (day > first.lengthOfMonth()) {
			return Optional.empty();
		}
		LocalDate date = first.withDayOfMonth(day);
		return Optional.of((year == null && date.isBefore(today)) ? date.plusYears(1) : date);
	}

	/** Lower case, without accents, single spaces: "Ya PAGUÉ  ayer" reads "ya pague ayer". */
	static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[¡!¿?,;]", " ").replaceAll("\\s+", " ").strip();
	}

	private static boolean containsAny(String text, List<String> words) {
		return words.stream().anyMatch(text::contains);
	}

}
