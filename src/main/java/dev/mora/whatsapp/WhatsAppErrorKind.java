package dev.mora.whatsapp;

import java.util.Set;

/**
 * How a failed send is handled, by WhatsApp error code (not by HTTP status): see Meta's error code reference.
 */
public enum WhatsAppErrorKind {

	/** Retry later with backoff: throughput, pair rate, temporary service errors. */
	TRANSIENT,
	/** Give up on this message: the recipient or the template cannot take it. */
	PERMANENT,
	/** Stop all sending: the account is blocked, locked, unpaid or its token is invalid. */
	ACCOUNT;

	private static final Set<Integer> PERMANENT_CODES = Set.of(131026, 131047, 131050, 131051, 132000, 132001, 132005,
			132007, 132012, 132015, 132016, 131008, 131009, 100);

	private static final Set<Integer> ACCOUNT_CODES = Set.of(368, 131031, 131042, 190, 10, 200);

	/** The kind of an error code; unknown codes are retried, and exhaust into an incident if they persist. */
	public static WhatsAppErrorKind of(int code) {
		if (ACCOUNT_CODES.contains(code)) {
			return ACCOUNT;
		}
		if (PERMANENT_CODES.contains(code)) {
			return PERMANENT;
		}
		return TRANSIENT;
	}

}
