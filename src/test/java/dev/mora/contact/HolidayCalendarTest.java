package dev.mora.contact;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class HolidayCalendarTest {

	private final HolidayCalendar peru = new HolidayCalendar(ContactProperties.Calendar.PERU,
			List.of(LocalDate.of(2026, 12, 24)));

	@ParameterizedTest
	@CsvSource({ "2026, 2026-04-05", "2027, 2027-03-28", "2028, 2028-04-16", "2029, 2029-04-01", "2030, 2030-04-21",
			"2031, 2031-04-13", "2032, 2032-03-28", "2033, 2033-04-17", "2034, 2034-04-09", "2035, 2035-03-25" })
	void easterSundayFrom2026To2035(int year, LocalDate easter) {
		assertThat(HolidayCalendar.easterSunday(year)).isEqualTo(easter);
	}

	@ParameterizedTest
	@CsvSource({ "2026-04-02, Jueves Santo", "2026-04-03, Viernes Santo", "2027-03-25, Jueves Santo",
			"2027-03-26, Viernes Santo", "2035-03-22, Jueves Santo", "2035-03-23, Viernes Santo" })
	void holyThursdayAndGoodFridayFollowEaster(LocalDate date, String name) {
		assertThat(this.peru.holiday(date)).contains(name);
	}

	@Test
	void everyFixedHolidayOfPeruEveryYear() {
		List<String> fixed = List.of("01-01", "05-01", "06-07", "06-29", "07-23", "07-28", "07-29", "08-06", "08-30",
				"10-08", "11-01", "12-08", "12-09", "12-25");
		for (int year = 2026; year <= 2035; year++) {
			for (String monthDay : fixed) {
				LocalDate date = LocalDate.parse(year + "-" + monthDay);
				assertThat(this.peru.holiday(date)).as(date.toString()).isPresent();
			}
		}
	}

	@Test
	void ordinaryDaysAreNotHolidays() {
		assertThat(this.peru.holiday(LocalDate.of(2026, 12, 14))).isEmpty();
		assertThat(this.peru.holiday(LocalDate.of(2027, 3, 24))).isEmpty();
		assertThat(this.peru.holiday(LocalDate.of(2027, Month.JULY, 27))).isEmpty();
	}

	@Test
	void extraDatesAreDaysWithoutContact() {
		assertThat(this.peru.holiday(LocalDate.of(2026, 12, 24))).isPresent();
		assertThat(this.peru.holiday(LocalDate.of(2027, 12, 24))).isEmpty();
	}

}
