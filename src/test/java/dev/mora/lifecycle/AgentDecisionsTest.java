package dev.mora.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What agents submit to complete their tasks, read as Tasklist's forms and REST clients send it. */
class AgentDecisionsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 11);

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@ParameterizedTest
	@ValueSource(strings = { "REACHED", "NO_ANSWER", "DISPUTE", "WRONG_NUMBER", " REACHED " })
	void aContactOutcomeOtherThanAPromiseNeedsNoDay(String outcome) {
		ManualContactDecision decision = ManualContactDecision.read(outcome, "not a date", null, TODAY, LIMA);

		assertThat(decision.outcome().name()).isEqualTo(outcome.strip());
		assertThat(decision.promisedDate()).isNull();
	}

	@Test
	void aPromisedDayComesAsFormJsSendsItAsADateTimeOrAsADate() {
		Date limaMidnight = Date.from(ZonedDateTime.of(2026, 12, 15, 0, 0, 0, 0, LIMA).toInstant());

		assertThat(promised("2026-12-15")).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(promised("2026-12-15T00:00:00.000Z")).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(promised(LocalDate.of(2026, 12, 15))).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(promised(limaMidnight)).isEqualTo(LocalDate.of(2026, 12, 15));
	}

	@Test
	void aPromiseReachesFromTodayToSixtyDaysAhead() {
		assertThat(promised("2026-12-11")).isEqualTo(TODAY);
		assertThat(promised("2027-02-09")).isEqualTo(TODAY.plusDays(60));
		assertThatThrownBy(() -> promised("2027-02-10"))
			.hasMessageContaining("promisedDate: must be from 2026-12-11 to 2027-02-09, not 2027-02-10");
		assertThatThrownBy(() -> promised("2026-12-10")).hasMessageContaining("not 2026-12-10");
		assertThatThrownBy(() -> promised("15/12/2026"))
			.hasMessageContaining("promisedDate: must be an ISO date such as 2026-12-11, not 15/12/2026");
		assertThatThrownBy(() -> promised(null)).hasMessageContaining("not null");
	}

	@Test
	void everyBadFieldIsNamedAtOnce() {
		assertThatThrownBy(() -> ManualContactDecision.read("CALLED", null, "x".repeat(1001), TODAY, LIMA))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessage("Invalid manual contact outcome: contactOutcome: must be one of REACHED, PROMISE, DISPUTE, "
					+ "WRONG_NUMBER, NO_ANSWER, not CALLED; contactComment: must be at most 1000 characters, not 1001")
			.satisfies((ex) -> assertThat(((FormFieldValidationException) ex).<Object>getDetail()).asList().hasSize(2));
		assertThatThrownBy(() -> ManualContactDecision.read(3, null, 42, TODAY, LIMA))
			.hasMessageContaining("contactOutcome: must be one of")
			.hasMessageContaining("contactComment: must be text, not 42");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PAY", "ALREADY_PAID", "REFINANCE", "OPT_OUT", "DISPUTE", "NONE" })
	void aReplyIsReadAsOneOfTheIntents(String intent) {
		assertThat(ReplyReviewDecision.read(intent, null, "", TODAY, LIMA).intent().name()).isEqualTo(intent);
	}

	@Test
	void aReplyReadAsAPromiseNeedsItsDay() {
		assertThat(ReplyReviewDecision.read("PROMISE", "2026-12-31", null, TODAY, LIMA).promisedDate())
			.isEqualTo(LocalDate.of(2026, 12, 31));
		assertThatThrownBy(() -> ReplyReviewDecision.read("PROMISE", "", null, TODAY, LIMA))
			.hasMessageStartingWith("Invalid reading of the reply: promisedDate: must be an ISO date");
		assertThatThrownBy(() -> ReplyReviewDecision.read("OTHER", null, null, TODAY, LIMA))
			.hasMessageContaining("chosenIntent: must be one of PAY, ALREADY_PAID, REFINANCE, PROMISE, OPT_OUT, "
					+ "DISPUTE, NONE, not OTHER");
	}

	@ParameterizedTest
	@CsvSource({ "120.5,120.50", "100,100.00", "0.01,0.01", "1e2,100.00", "' 75.10 ',75.10",
			"999999999999.99,999999999999.99" })
	void aPaymentFoundHasAnAmountOfMoney(String amount, String read) {
		assertThat(claim(amount, "OP-1").amount()).isEqualByComparingTo(read).hasScaleOf(2);
	}

	@Test
	void anAmountComesAsANumberToo() {
		assertThat(claim(100.5, "OP-1").amount()).isEqualByComparingTo("100.50");
		assertThat(claim(80, "OP-1").amount()).isEqualByComparingTo("80.00");
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-5", "10.001", "abc", "", "1000000000000" })
	void anAmountThatIsNoPaymentIsRefused(String amount) {
		assertThatThrownBy(() -> claim(amount, "OP-1"))
			.hasMessageContaining(
					"claimAmount: must be an amount greater than 0 with at most 2 decimals, not " + amount);
	}

	@Test
	void aReferenceIsReadAsTheSameWhateverItsCaseAndSpaces() {
		assertThat(claim("10", "  op   000123/2026 ").reference()).isEqualTo("OP 000123/2026");
		assertThat(claim("10", "Yape #4521").reference()).isEqualTo("YAPE #4521");
		assertThat(claim("10", "Transferencia Ñ-77").reference()).isEqualTo("TRANSFERENCIA Ñ-77");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "   ", "a;b", "<script>" })
	void aReferenceThatCannotBeAPaymentIdIsRefused(String reference) {
		assertThatThrownBy(() -> claim("10", reference))
			.hasMessageContaining("claimReference: must be 1 to 64 letters");
	}

	@Test
	void aReferenceIsAtMostSixtyFourCharacters() {
		assertThat(claim("10", "A".repeat(64)).reference()).hasSize(64);
		assertThatThrownBy(() -> claim("10", "A".repeat(65))).hasMessageContaining("claimReference");
	}

	@Test
	void noPaymentFoundNeedsNoAmountNorReference() {
		PaymentClaimDecision decision = PaymentClaimDecision.read("NOT_FOUND", "garbage", ";", null);

		assertThat(decision.outcome()).isEqualTo(PaymentClaimDecision.Outcome.NOT_FOUND);
		assertThat(decision.amount()).isNull();
		assertThat(decision.reference()).isNull();
		assertThatThrownBy(() -> PaymentClaimDecision.read(null, null, null, null))
			.hasMessage("Invalid payment claim check: claimOutcome: must be one of CONFIRMED, NOT_FOUND, not null");
	}

	@Test
	void aDisputeIsResolvedOneWayOrTheOther() {
		assertThat(DisputeDecision.read("RESUME", null).resolution()).isEqualTo(DisputeDecision.Resolution.RESUME);
		assertThat(DisputeDecision.read("FINAL_DECISION", "ok").resolution())
			.isEqualTo(DisputeDecision.Resolution.FINAL_DECISION);
		assertThatThrownBy(() -> DisputeDecision.read("resume", null))
			.hasMessage("Invalid dispute resolution: "
					+ "disputeResolution: must be one of RESUME, FINAL_DECISION, not resume");
	}

	private static LocalDate promised(Object day) {
		return ManualContactDecision.read("PROMISE", day, null, TODAY, LIMA).promisedDate();
	}

	private static PaymentClaimDecision claim(Object amount, String reference) {
		return PaymentClaimDecision.read("CONFIRMED", amount, reference, null);
	}

}
