package dev.mora.contact;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * When debtors may be contacted. The defaults are Peru's (Ley 29571 art. 62): Monday to Friday, 07:00 to 20:00 in
 * the debtor's time zone, never on a national holiday.
 *
 * @param enabled false turns hours, days and caps off (for tests and demos); opt-outs always hold
 * @param sendingTime the preferred local time of day for a stage's message
 * @param defaultZone the time zone of a debt that names none
 * @param windowStart the first allowed local time
 * @param windowEnd the first local time no longer allowed
 * @param days the days of the week contacts are allowed
 * @param calendar the key, in {@code calendars}, of the holidays that apply
 * @param calendars holiday calendars as data: fixed month-days and days relative to Easter Sunday
 * @param extraDates more days without contact: regional holidays, one-off non-working days
 * @param maxPerDay messages to one debtor per local day, across all their debts
 * @param maxPerWeek messages to one debtor per ISO week (Monday to Sunday), across all their debts
 */
@Validated
@ConfigurationProperties("mora.contact")
public record ContactProperties(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("10:00") LocalTime sendingTime,
		@NotNull @DefaultValue("America/Lima") ZoneId defaultZone,
		@NotNull @DefaultValue("07:00") LocalTime windowStart,
		@NotNull @DefaultValue("20:00") LocalTime windowEnd,
		@NotEmpty @DefaultValue({ "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY" }) Set<DayOfWeek> days,
		@NotBlank @DefaultValue("PE") String calendar, Map<String, Calendar> calendars,
		@DefaultValue({}) List<LocalDate> extraDates, @PositiveOrZero @DefaultValue("1") int maxPerDay,
		@PositiveOrZero @DefaultValue("3") int maxPerWeek) {

	public ContactProperties {
		calendars = (calendars != null) ? Map.copyOf(calendars) : Map.of();
	}

	/** Defaults with the given switch, sending time and zone; for tests. */
	public static ContactProperties of(boolean enabled, LocalTime sendingTime, ZoneId defaultZone) {
		return new ContactProperties(enabled, sendingTime, defaultZone, LocalTime.of(7, 0), LocalTime.of(20, 0),
				Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
				"PE", Map.of("PE", Calendar.PERU), List.of(), 1, 3);
	}

	/**
	 * A country's holidays as data.
	 *
	 * @param name shown in the audit trail
	 * @param fixed month-days, {@code MM-dd}, each optionally followed by {@code " "} and its name
	 * @param easterOffsets days relative to Easter Sunday (-3 Holy Thursday, -2 Good Friday)
	 */
	public record Calendar(String name, @DefaultValue({}) List<String> fixed,
			@DefaultValue({}) List<Integer> easterOffsets) {

		/** Peru's national holidays. */
		public static final Calendar PERU = new Calendar("Perú",
				List.of("01-01 Año Nuevo", "05-01 Día del Trabajo", "06-07 Batalla de Arica y Día de la Bandera",
						"06-29 San Pedro y San Pablo", "07-23 Día de la Fuerza Aérea", "07-28 Fiestas Patrias",
						"07-29 Fiestas Patrias", "08-06 Batalla de Junín", "08-30 Santa Rosa de Lima",
						"10-08 Combate de Angamos", "11-01 Todos los Santos", "12-08 Inmaculada Concepción",
						"12-09 Batalla de Ayacucho", "12-25 Navidad"),
				List.of(-3, -2));

	}

}
