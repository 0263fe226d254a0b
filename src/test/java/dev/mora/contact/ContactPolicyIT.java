package dev.mora.contact;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The schedules the API shows keep Peru's collection law, and a debtor's contacts can be stopped and audited. */
class ContactPolicyIT extends ApplicationIT {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final HolidayCalendar PERU = new HolidayCalendar(ContactProperties.Calendar.PERU, List.of());

	@Autowired
	ContactProperties contact;

	@Test
	void theCalendarMoraRunsWithIsPerusAsTheTestsKnowIt() {
		// application.yaml carries the calendar for operators to read and extend; the unit tests check the constant.
		assertThat(this.contact.calendar()).isEqualTo("PE");
		assertThat(this.contact.calendars().get("PE")).isEqualTo(ContactProperties.Calendar.PERU);
	}

	@ParameterizedTest(name = "due {0}: due-day reminder on {1}")
	@CsvSource({ "2026-12-19, 2026-12-18", "2027-07-28, 2027-07-27", "2027-03-25, 2027-03-24" })
	void everyContactFallsOnAWorkingDayBetweenSevenAndEightInLima(LocalDate dueDate, LocalDate dueDayReminder) {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T17:00:00Z")));
		String debtId = "LAW-" + dueDate;
		assertThat(postJson("/api/debts", debt(debtId, "C-" + debtId, dueDate)).status()).isEqualTo(201);

		JsonNode schedule = get("/api/debts/" + debtId).json().path("schedule");

		assertThat(schedule).hasSize(6);
		for (JsonNode stage : schedule) {
			ZonedDateTime at = Instant.parse(stage.path("plannedAt").asText()).atZone(LIMA);
			assertThat(at.getDayOfWeek()).as(stage.toString()).isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
			assertThat(PERU.holiday(at.toLocalDate())).as(stage.toString()).isEmpty();
			assertThat(at.toLocalTime()).as(stage.toString()).isBetween(LocalTime.of(7, 0), LocalTime.of(19, 59));
		}
		ZonedDateTime due = Instant.parse(schedule.get(1).path("plannedAt").asText()).atZone(LIMA);
		assertThat(schedule.get(1).path("stage").asText()).isEqualTo("DUE");
		assertThat(due.toLocalDate()).isEqualTo(dueDayReminder);
	}

	@Test
	void doNotContactIsSetThroughTheApiAndShownWithTheAuditTrail() {
		String debtId = "LAW-DNC";
		postJson("/api/debts", debt(debtId, "C-DNC", LocalDate.of(2026, 12, 14)));

		Answer flagged = call(new Request.Builder().url(url("/api/debtors/C-DNC/do-not-contact"))
			.header("Authorization", Credentials.basic(USER, PASSWORD))
			.put(RequestBody.create("{\"reason\":\"reclamo ante Indecopi\"}", MediaType.get("application/json")))
			.build());

		assertThat(flagged.status()).isEqualTo(200);
		JsonNode contacts = get("/api/debtors/C-DNC/contacts").json();
		assertThat(contacts.path("blocked").asText()).isEqualTo("no contactar: reclamo ante Indecopi");
		assertThat(contacts.path("attempts").isArray()).isTrue();
		Answer lifted = call(new Request.Builder().url(url("/api/debtors/C-DNC/do-not-contact"))
			.header("Authorization", Credentials.basic(USER, PASSWORD))
			.delete()
			.build());
		assertThat(lifted.json().has("blocked")).isFalse();
		assertThat(get("/api/debtors/nobody/contacts").status()).isEqualTo(404);
		assertThat(call(new Request.Builder().url(url("/api/debtors/C-DNC/contacts")).get().build()).status())
			.isEqualTo(401);
	}

	private static String debt(String debtId, String debtorId, LocalDate dueDate) {
		return """
				{"debtId":"%s","debtor":{"id":"%s","name":"María Quispe","phone":"+51987654321"},
				 "amount":"350.00","currency":"PEN","dueDate":"%s"}
				""".formatted(debtId, debtorId, dueDate);
	}

}
