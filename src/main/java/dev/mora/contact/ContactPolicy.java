package dev.mora.contact;

import java.time.ZonedDateTime;

/** Decides when a debtor may be contacted: hours, days and holidays, in the debtor's own time zone. */
public interface ContactPolicy {

	/**
	 * The slot at which a message planned for {@code planned} may go out.
	 * @param planned the wished time, in the debtor's zone
	 * @param direction which way to move a time that is not allowed
	 * @return an allowed time, in the debtor's zone
	 */
	ZonedDateTime slotFor(ZonedDateTime planned, Direction direction);

	/** Whether a contact at {@code time} is allowed, by which rule, and when the window opens next. */
	Verdict verdict(ZonedDateTime time);

	/** Which way a disallowed time moves. */
	enum Direction {

		/** To the last allowed slot on or before it: reminders before a debt is overdue must not arrive late. */
		EARLIER,
		/** To the next allowed slot: escalations. */
		LATER

	}

	/**
	 * @param allowed whether the contact may happen now
	 * @param rule the rule that allowed or refused it, for the audit trail
	 * @param nextOpening when it may happen (itself, when allowed)
	 */
	record Verdict(boolean allowed, String rule, ZonedDateTime nextOpening) {
	}

}
