package dev.mora.whatsapp;

/**
 * The life of an outbound message. WhatsApp's statuses ({@code sent}, {@code delivered}, {@code read},
 * {@code failed}) only move it forward.
 */
public enum OutboundStatus {

	/** Claimed for sending; if it stays so, the outcome of the call is unknown (a crash during it). */
	SENDING,
	/** The last attempt failed with a transient error; the next retry may send it. */
	RETRYING,
	/** The Cloud API accepted it and gave its wamid. */
	ACCEPTED,
	SENT,
	DELIVERED,
	READ,
	/** It will not be delivered. */
	FAILED;

	/** Whether a reported {@code next} status moves this one forward. */
	public boolean isBefore(OutboundStatus next) {
		if (next == FAILED) {
			return this == ACCEPTED || this == SENT || this == DELIVERED;
		}
		return isOut() && next.isOut() && ordinal() < next.ordinal();
	}

	/** WhatsApp's name of a status, in the ledger's terms; empty for names Mora does not track. */
	public static java.util.Optional<OutboundStatus> fromWhatsApp(String name) {
		return switch (name) {
			case "sent" -> java.util.Optional.of(SENT);
			case "delivered" -> java.util.Optional.of(DELIVERED);
			case "read" -> java.util.Optional.of(READ);
			case "failed" -> java.util.Optional.of(FAILED);
			default -> java.util.Optional.empty();
		};
	}

	/** Whether the message left Mora (so it must never be sent again). */
	public boolean isOut() {
		return this == ACCEPTED || this == SENT || this == DELIVERED || this == READ;
	}

}
