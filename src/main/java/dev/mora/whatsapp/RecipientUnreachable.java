package dev.mora.whatsapp;

import java.time.Instant;

/**
 * Published when WhatsApp reports, in a {@code failed} status webhook, a permanent error for a message Mora sent for a
 * debt: the message was accepted but will never arrive (131026 undeliverable and the like). The ledger row is
 * {@code FAILED} already; the debt's lifecycle decides whether an agent must contact the debtor another way.
 *
 * @param eventId the stored webhook event
 * @param debtId the debt the message was for
 * @param stage the ledger key of the message: a dunning stage for a reminder
 * @param errorCode WhatsApp's error code
 * @param failedAt when WhatsApp says the message failed
 */
public record RecipientUnreachable(long eventId, String debtId, String stage, int errorCode, Instant failedAt) {
}
