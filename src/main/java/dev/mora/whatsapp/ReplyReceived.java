package dev.mora.whatsapp;

import java.time.LocalDate;

/**
 * A debtor's reply, read and tied to a debt: the debt's lifecycle acts on it.
 *
 * @param eventId the stored webhook event
 * @param debtId the debt it belongs to
 * @param intent what it asks for
 * @param text what the debtor wrote (or the button's title)
 * @param promisedDate the day a promise names, or null
 * @param note what an agent should know (an ambiguous sender, say), or null
 */
public record ReplyReceived(long eventId, String debtId, ReplyIntent.Kind intent, String text, LocalDate promisedDate,
		String note) {
}
