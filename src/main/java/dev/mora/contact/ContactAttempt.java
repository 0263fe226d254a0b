package dev.mora.contact;

import java.time.Instant;

/** One line of the audit trail. */
public record ContactAttempt(Instant at, String debtId, String stage, String channel, String template,
		ContactOutcome outcome, String rule, String wamid, Instant deferredTo) {
}
