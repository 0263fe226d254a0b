package dev.mora.contact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The contact window of Peru's Ley 29571 art. 62 by default: no collection contact between 20:00 and 07:00, on
 * Saturdays, Sundays or holidays, in the debtor's time zone. Hours, days and calendars are configuration.
 */
@Component
class LawfulContactPolicy implements ContactPolicy {

	private static final Locale SPANISH = Locale.forLanguageTag("es");

	/** How far a slot is searched; a calendar without a contact day in a year is a configuration error. */
	private static final int HORIZON_DAYS = 366;

	/** Before the window closes, so that a message planned at the end is still delivered inside it. */
	private static final int END_MARGIN_MINUTES = 30;

	private final ContactProperties properties;

	private final HolidayCalendar holidays;

	private final LocalTime preferred;

	LawfulContactPolicy(ContactProperties properties) {
		this.properties = properties;
		ContactProperties.Calendar calendar = properties.calendars().get(properties.calendar());
		if (calendar == null) {
			throw new IllegalStateException("mora.contact.calendar " + properties.calendar()
					+ " is not among mora.contact.calendars " + properties.calendars().keySet());
		}
		if (!properties.windowStart().isBefore(properties.windowEnd())) {
			throw new IllegalStateException("mora.contact.window-start must be before mora.contact.window-end");
		}
		this.holidays = new HolidayCalendar(calendar, properties.extraDates());
		this.preferred = clamp(properties.sendingTime());
	}

	@Override
	public ZonedDateTime slotFor(ZonedDateTime planned, Direction direction) {
		if (!this.properties.enabled() || verdict(planned).allowed()) {
			return planned;
		}
		LocalDate day = planned.toLocalDate();
		LocalTime time = planned.toLocalTime();
		if (isContactDay(day)) {
			if (direction == Direction.EARLIER && !time.isBefore(this.properties.windowEnd())) {
				return at(planned, day, lastSlot());
			}
			if (direction == Direction.LATER && time.isBefore(this.properties.windowStart())) {
				return at(planned, day, this.preferred);
			}
		}
		int step = (direction == Direction.EARLIER) ? -1 : 1;
		for (int i = 1; i <= HORIZON_DAYS; i++) {
			LocalDate candidate = day.plusDays((long) step * i);
			if (isContactDay(candidate)) {
				return at(planned, candidate, this.preferred);
			}
		}
		throw new IllegalStateException("No contact day within a year of " + day);
	}

	@Override
	public Verdict verdict(ZonedDateTime time) {
		if (!this.properties.enabled()) {
			return new Verdict(true, "política de contacto desactivada (mora.contact.enabled=false)", time);
		}
		LocalDate day = time.toLocalDate();
		Optional<String> closedBecause = closedBecause(day);
		LocalTime clock = time.toLocalTime();
		if (closedBecause.isEmpty() && !clock.isBefore(this.properties.windowStart())
				&& clock.isBefore(this.properties.windowEnd())) {
			return new Verdict(true, "día hábil dentro del horario " + window(), time);
		}
		String rule = closedBecause.orElse("fuera del horario " + window());
		if (closedBecause.isEmpty() && clock.isBefore(this.properties.windowStart())) {
			return new Verdict(false, rule, at(time, day, this.properties.windowStart()));
		}
		for (int i = 1; i <= HORIZON_DAYS; i++) {
			LocalDate candidate = day.plusDays(i);
			if (isContactDay(candidate)) {
				return new Verdict(false, rule, at(time, candidate, this.properties.windowStart()));
			}
		}
		throw new IllegalStateException("No contact day within a year of " + day);
	}

	private boolean isContactDay(LocalDate day) {
		return closedBecause(day).isEmpty();
	}

	private Optional<String> closedBecause(LocalDate day) {
		DayOfWeek weekday = day.getDayOfWeek();
		if (!this.properties.days().contains(weekday)) {
			return Optional.of("sin contacto los " + weekday.getDisplayName(TextStyle.FULL, SPANISH));
		}
		return this.holidays.holiday(day).map((name) -> "feriado: " + name);
	}

	private LocalTime lastSlot() {
		LocalTime last = this.properties.windowEnd().minusMinutes(END_MARGIN_MINUTES);
		return last.isBefore(this.properties.windowStart()) ? this.properties.windowStart() : last;
	}

	private LocalTime clamp(LocalTime time) {
		if (time.isBefore(this.properties.windowStart())) {
			return this.properties.windowStart();
		}
		return time.isBefore(this.properties.windowEnd()) ? time : lastSlot();
	}

	private String window() {
		return this.properties.windowStart() + "–" + this.properties.windowEnd();
	}

	private static ZonedDateTime at(ZonedDateTime reference, LocalDate day, LocalTime time) {
		return ZonedDateTime.of(day, time, reference.getZone());
	}

}
