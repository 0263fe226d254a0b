package dev.mora.whatsapp;

import java.time.Instant;

/** A message Mora sent, or tried to send, for one stage of a debt. */
public record OutboundMessage(long id, String debtId, String stage, String template, String wamid,
		OutboundStatus status, Integer errorCode, String errorTitle, Instant createdAt, Instant sentAt,
		Instant statusAt) {
}
