package dev.mora.contact;

/** What became of a contact attempt. */
public enum ContactOutcome {

	/** The message left for the debtor. */
	SENT,
	/** Not now: outside the window, a holiday, or a frequency cap; it goes out at the next slot. */
	DEFERRED,
	/**
	 * Not at all: a reminder due before the debt is overdue could only go out after its due date, so the next stage
	 * follows instead of a reminder that would be wrong by then.
	 */
	SKIPPED,
	/** Never: the debtor or the number must not be contacted. */
	BLOCKED,
	/** The channel refused it. */
	FAILED

}
