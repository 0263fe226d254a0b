package dev.mora.whatsapp;

import java.time.LocalDate;

/**
 * What a debtor's reply asks for.
 *
 * @param kind the intent
 * @param debtId the debt a button's payload names, or null
 * @param promisedDate the day a promise to pay names, or null
 */
public record ReplyIntent(Kind kind, String debtId, LocalDate promisedDate) {

	public enum Kind {

		/** Send the payment link again. */
		PAY,
		/** The debtor says it is paid: an agent verifies it. */
		ALREADY_PAID,
		/** The debtor asks for instalments: an agent reviews it. */
		REFINANCE,
		/** The debtor promises to pay on a day: escalation pauses until the day after. */
		PROMISE,
		/** No more WhatsApp to this number, for any debt. */
		OPT_OUT,
		/** Anything else: an agent reads it. */
		OTHER

	}

	static ReplyIntent of(Kind kind) {
		return new ReplyIntent(kind, null, null);
	}

}
