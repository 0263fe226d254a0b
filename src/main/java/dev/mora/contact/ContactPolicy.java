package dev.mora.contact;

import java.time.ZonedDateTime;

/** Decides when a debtor may be contacted. */
public interface ContactPolicy {

	/**
	 * The slot at which a message planned for {@code planned} (in the debtor's time zone) may go out.
	 * @param planned the wished time, in the debtor's zone
	 * @param direction which way to move a time that is not allowed
	 * @return an allowed time, in the debtor's zone
	 */
	ZonedDateTime slotFor(ZonedDateTime planned, Direction direction);

	/** Which way a disallowed time moves. */
	enum Direction {

		/** To the last allowed slot on or before it: reminders before a debt is overdue must not arrive late. */
		EARLIER,
		/** To the next allowed slot: escalations. */
		LATER

	}

}
