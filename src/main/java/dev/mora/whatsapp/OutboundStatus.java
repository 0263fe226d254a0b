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

	/** Whether the message left Mora (so it must never be sent again). */
	public boolean isOut() {
		return this == ACCEPTED || this == SENT || this == DELIVERED || this == READ;
	}

}
