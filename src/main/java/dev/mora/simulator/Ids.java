package dev.mora.simulator;

import java.security.SecureRandom;
import java.util.Base64;

/** The ids the simulator makes up, as Meta would: unguessable and URL-safe. */
final class Ids {

	private static final SecureRandom RANDOM = new SecureRandom();

	private Ids() {
	}

	/** A message id, Mora's or the debtor's; URL-safe, so that it can stand in a path. */
	static String wamid() {
		return "wamid." + random(36);
	}

	/** The id of a Graph API error, for Meta's support. */
	static String fbtraceId() {
		return random(9);
	}

	private static String random(int bytes) {
		byte[] id = new byte[bytes];
		RANDOM.nextBytes(id);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
	}

}
