package dev.mora.contact;

import java.time.Instant;

/**
 * Whether a debtor may be contacted now.
 *
 * @param outcome {@code SENT} stands for "go ahead"; otherwise {@code DEFERRED} or {@code BLOCKED}
 * @param rule the rule that decided it, for the audit trail
 * @param deferredTo when a deferred contact may happen
 */
public record ContactDecision(ContactOutcome outcome, String rule, Instant deferredTo) {

	public boolean allowed() {
		return this.outcome == ContactOutcome.SENT;
	}

}
