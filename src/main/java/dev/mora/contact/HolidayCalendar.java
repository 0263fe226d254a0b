package dev.mora.contact;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The days without collection contact: a country's holidays (fixed and Easter-based) and extra dates. */
public final class HolidayCalendar {

	private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

	private static final Map<Integer, String> EASTER_NAMES = Map.of(-3, "Jueves Santo", -2, "Viernes Santo", 0,
			"Domingo de Resurrección", 1, "Lunes de Pascua");

	private final Map<MonthDay, String> fixed = new HashMap<>();

	private final List<Integer> easterOffsets;

	private final Set<LocalDate> extraDates;

	public HolidayCalendar(ContactProperties.Calendar calendar, List<LocalDate> extraDates) {
		for (String entry : calendar.fixed()) {
			String[] parts = entry.strip().split("\\s+", 2);
			this.fixed.put(MonthDay.parse(parts[0], MONTH_DAY), (parts.length > 1) ? parts[1] : "feriado");
		}
		this.easterOffsets = List.copyOf(calendar.easterOffsets());
		this.extraDates = Set.copyOf(extraDates);
	}

	/** The holiday's name, when the day is one. */
	public Optional<String> holiday(LocalDate date) {
		String name = this.fixed.get(MonthDay.from(date));
		if (name != null) {
			return Optional.of(name);
		}
		LocalDate easter = easterSunday(date.getYear());
		for (int offset : this.easterOffsets) {
			if (easter.plusDays(offset).equals(date)) {
				return Optional.of(EASTER_NAMES.getOrDefault(offset, "feriado de Pascua"));
			}
		}
		return this.extraDates.contains(date) ? Optional.of("día no laborable configurado") : Optional.empty();
	}

	/** Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm). */
	public static LocalDate easterSunday(int year) {
		int a = year % 19;
		int b = year / 100;
		int c = year % 100;
		int d = b / 4;
		int e = b % 4;
		int f = (b + 8) / 25;
		int g = (b - f + 1) / 3;
		int h = (19 * a + b - d - g + 15) % 30;
		int i = c / 4;
		int k = c % 4;
		int l = (32 + 2 * e + 2 * i - h - k) % 7;
		int m = (a + 11 * h + 22 * l) / 451;
		int month = (h + l - 7 * m + 114) / 31;
		int day = ((h + l - 7 * m + 114) % 31) + 1;
		return LocalDate.of(year, month, day);
	}

}
