package dev.mora.contact;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import dev.mora.contact.ContactPolicy.Direction;
import dev.mora.contact.ContactPolicy.Verdict;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LawfulContactPolicyTest {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final ZoneId SANTIAGO = ZoneId.of("America/Santiago");

	private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

	private final LawfulContactPolicy policy = new LawfulContactPolicy(
			ContactProperties.of(true, LocalTime.of(10, 0), LIMA));

	@Test
	void aWorkingDayInsideTheWindowIsAllowedAsItIs() {
		ZonedDateTime tuesday = at(LIMA, "2026-12-15T10:00");

		assertThat(this.policy.slotFor(tuesday, Direction.EARLIER)).isEqualTo(tuesday);
		assertThat(this.policy.slotFor(tuesday, Direction.LATER)).isEqualTo(tuesday);
		assertThat(this.policy.verdict(tuesday).allowed()).isTrue();
	}

	@Test
	void remindersBeforeTheDueDateMoveEarlierEscalationsMoveLater() {
		ZonedDateTime saturday = at(LIMA, "2026-12-12T10:00");

		assertThat(this.policy.slotFor(saturday, Direction.EARLIER)).isEqualTo(at(LIMA, "2026-12-11T10:00"));
		assertThat(this.policy.slotFor(saturday, Direction.LATER)).isEqualTo(at(LIMA, "2026-12-14T10:00"));
	}

	@Test
	void holidaysAreSkippedOneAfterTheOther() {
		// 28 and 29 July 2027 are Wednesday and Thursday.
		assertThat(this.policy.slotFor(at(LIMA, "2027-07-28T10:00"), Direction.EARLIER))
			.isEqualTo(at(LIMA, "2027-07-27T10:00"));
		assertThat(this.policy.slotFor(at(LIMA, "2027-07-28T10:00"), Direction.LATER))
			.isEqualTo(at(LIMA, "2027-07-30T10:00"));
		// Holy Thursday 2027 (25 March) and Good Friday, then the weekend.
		assertThat(this.policy.slotFor(at(LIMA, "2027-03-25T10:00"), Direction.LATER))
			.isEqualTo(at(LIMA, "2027-03-29T10:00"));
		assertThat(this.policy.slotFor(at(LIMA, "2027-03-25T10:00"), Direction.EARLIER))
			.isEqualTo(at(LIMA, "2027-03-24T10:00"));
	}

	@Test
	void nightTimesMoveIntoTheWindow() {
		assertThat(this.policy.slotFor(at(LIMA, "2026-12-15T21:00"), Direction.EARLIER))
			.isEqualTo(at(LIMA, "2026-12-15T19:30"));
		assertThat(this.policy.slotFor(at(LIMA, "2026-12-15T21:00"), Direction.LATER))
			.isEqualTo(at(LIMA, "2026-12-16T10:00"));
		assertThat(this.policy.slotFor(at(LIMA, "2026-12-15T05:00"), Direction.LATER))
			.isEqualTo(at(LIMA, "2026-12-15T10:00"));
		assertThat(this.policy.slotFor(at(LIMA, "2026-12-15T05:00"), Direction.EARLIER))
			.isEqualTo(at(LIMA, "2026-12-14T10:00"));
	}

	@Test
	void theWindowIsSevenToEightInTheDebtorsOwnZone() {
		assertThat(this.policy.verdict(at(LIMA, "2026-12-15T06:59")).allowed()).isFalse();
		assertThat(this.policy.verdict(at(LIMA, "2026-12-15T07:00")).allowed()).isTrue();
		assertThat(this.policy.verdict(at(LIMA, "2026-12-15T19:59")).allowed()).isTrue();
		assertThat(this.policy.verdict(at(LIMA, "2026-12-15T20:00")).allowed()).isFalse();
		// 19:30 in Lima is 22:30 in Santiago's summer: too late there.
		ZonedDateTime limaEvening = at(LIMA, "2026-12-15T19:30");
		assertThat(this.policy.verdict(limaEvening.withZoneSameInstant(SANTIAGO)).allowed()).isFalse();
	}

	@Test
	void deferredSendsWaitForTheNextOpening() {
		Verdict friday = this.policy.verdict(at(LIMA, "2026-12-11T21:30"));
		Verdict early = this.policy.verdict(at(LIMA, "2026-12-15T06:00"));
		Verdict holiday = this.policy.verdict(at(LIMA, "2026-12-08T12:00"));

		assertThat(friday.allowed()).isFalse();
		assertThat(friday.nextOpening()).isEqualTo(at(LIMA, "2026-12-14T07:00"));
		assertThat(early.nextOpening()).isEqualTo(at(LIMA, "2026-12-15T07:00"));
		assertThat(holiday.rule()).isEqualTo("feriado: Inmaculada Concepción");
		assertThat(holiday.nextOpening()).isEqualTo(at(LIMA, "2026-12-10T07:00"));
	}

	@Test
	void debtorsAbroadAcrossDaylightSavingChanges() {
		// Chile moves its clocks back on 5 April 2026; Spain forward on 29 March 2026 (at 02:00, a gap).
		assertThat(this.policy.slotFor(at(SANTIAGO, "2026-04-04T10:00"), Direction.LATER))
			.isEqualTo(at(SANTIAGO, "2026-04-06T10:00"));
		assertThat(this.policy.verdict(at(SANTIAGO, "2026-04-06T07:30")).allowed()).isTrue();
		assertThat(this.policy.slotFor(at(MADRID, "2026-03-29T02:30"), Direction.LATER))
			.isEqualTo(at(MADRID, "2026-03-30T10:00"));
		Verdict madridNight = this.policy.verdict(at(MADRID, "2026-10-24T22:00"));
		assertThat(madridNight.nextOpening()).isEqualTo(at(MADRID, "2026-10-26T07:00"));
		assertThat(madridNight.nextOpening().getOffset().getTotalSeconds()).isEqualTo(3600);
	}

	@Test
	void switchedOffEverythingIsAllowed() {
		LawfulContactPolicy off = new LawfulContactPolicy(ContactProperties.of(false, LocalTime.of(10, 0), LIMA));
		ZonedDateTime sundayNight = at(LIMA, "2026-12-13T23:00");

		assertThat(off.verdict(sundayNight).allowed()).isTrue();
		assertThat(off.slotFor(sundayNight, Direction.LATER)).isEqualTo(sundayNight);
	}

	private static ZonedDateTime at(ZoneId zone, String local) {
		return LocalDateTime.parse(local).atZone(zone);
	}

}
