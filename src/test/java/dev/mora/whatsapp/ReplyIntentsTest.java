package dev.mora.whatsapp;

import java.time.LocalDate;

import dev.mora.whatsapp.ReplyIntent.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplyIntentsTest {

	/** A Friday, three days before the end of a 30-day month ("el 31" means its last day). */
	private static final LocalDate FRIDAY = LocalDate.of(2026, 11, 27);

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "Quiero pagar|PAY", "mándame el link|PAY", "pásame el enlace por favor|PAY",
			"Ya pagué ayer por Yape|ALREADY_PAID", "YA PAGUE|ALREADY_PAID", "pagado!|ALREADY_PAID",
			"te envío el voucher|ALREADY_PAID", "Ya realicé el pago en el banco|ALREADY_PAID",
			"quiero refinanciar|REFINANCE", "¿puedo pagar en cuotas?|REFINANCE", "no puedo pagar este mes|REFINANCE",
			"BAJA|OPT_OUT", "baja.|OPT_OUT", "STOP|OPT_OUT", "por favor no me escriban más|OPT_OUT",
			"baja por favor|OPT_OUT", "Stop por favor|OPT_OUT", "dame de baja|OPT_OUT", "quiero darme de baja|OPT_OUT",
			"ya no me manden mensajes|OPT_OUT", "no me envíen nada más|OPT_OUT", "dejen de molestar|OPT_OUT",
			"borren mi número|OPT_OUT", "no quiero recibir esto|OPT_OUT",
			"todavía no he pagado|OTHER", "aún no pagué, ¿me pasas el link?|PAY", "no he pagado pero quiero pagar|PAY",
			"¿quién es?|OTHER", "hola|OTHER", "no reconozco esta deuda|OTHER" })
	void readsSpanishReplies(String text, Kind kind) {
		assertThat(ReplyIntents.classify("text", text, null, FRIDAY).kind()).isEqualTo(kind);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "pago mañana|2026-11-28", "Pago pasado mañana|2026-11-29",
			"pago el viernes|2026-12-04", "el lunes te pago|2026-11-30", "pago el 15|2026-12-15",
			"el 30 pago|2026-11-30", "pago el 27|2026-11-27", "pago el 31|2026-11-30", "15/12|2026-12-15",
			"pago el 15-12-2026|2026-12-15", "el 3 de diciembre|2026-12-03", "a fin de mes|2026-11-30",
			"hoy pago|2026-11-27", "el lunes en la mañana pago|2026-11-30", "no he pagado aún, pago el lunes|2026-11-30",
			"mañana por la mañana deposito|2026-11-28" })
	void understandsPromisedDatesAroundWeekendsAndMonthEnds(String text, LocalDate date) {
		ReplyIntent intent = ReplyIntents.classify("text", text, null, FRIDAY);

		assertThat(intent.kind()).isEqualTo(Kind.PROMISE);
		assertThat(intent.promisedDate()).isEqualTo(date);
	}

	@Test
	void dayOfMonthPastInAShortMonthFallsOnItsLastDay() {
		LocalDate januaryEnd = LocalDate.of(2027, 1, 31);

		assertThat(ReplyIntents.classify("text", "pago el 30", null, januaryEnd).promisedDate())
			.isEqualTo(LocalDate.of(2027, 2, 28));
		assertThat(ReplyIntents.classify("text", "pago el 29", null, LocalDate.of(2028, 1, 30)).promisedDate())
			.isEqualTo(LocalDate.of(2028, 2, 29));
	}

	@Test
	void datesAlreadyPastThisYearMeanNextYear() {
		assertThat(ReplyIntents.classify("text", "pago el 05/01", null, LocalDate.of(2026, 12, 20)).promisedDate())
			.isEqualTo(LocalDate.of(2027, 1, 5));
	}

	@Test
	void promisesTooFarAwayAreReadByAnAgent() {
		assertThat(ReplyIntents.classify("text", "pago el 15/06", null, FRIDAY).kind()).isEqualTo(Kind.OTHER);
	}

	@Test
	void buttonsCarryTheDebtInTheirPayload() {
		assertThat(ReplyIntents.classify("button", "Refinanciar", "REFINANCE:INV-1001", FRIDAY))
			.isEqualTo(new ReplyIntent(Kind.REFINANCE, "INV-1001", null));
		assertThat(ReplyIntents.classify("interactive", "Pagar ahora", "PAY:INV-1001", FRIDAY))
			.isEqualTo(new ReplyIntent(Kind.PAY, "INV-1001", null));
	}

	@Test
	void aPhotoIsAVoucher() {
		assertThat(ReplyIntents.classify("image", null, null, FRIDAY).kind()).isEqualTo(Kind.ALREADY_PAID);
	}

}
