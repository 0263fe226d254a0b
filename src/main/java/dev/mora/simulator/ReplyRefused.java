package dev.mora.simulator;

import org.springframework.http.HttpStatus;

/** A reply the simulated phone cannot send: no such conversation, or no such button to tap. */
final class ReplyRefused extends RuntimeException {

	private final HttpStatus status;

	private ReplyRefused(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	static ReplyRefused noConversation(String phone) {
		return new ReplyRefused(HttpStatus.NOT_FOUND,
				"No conversation with " + phone + ": a debtor here answers messages Mora sent to the simulator");
	}

	static ReplyRefused invalid(String message) {
		return new ReplyRefused(HttpStatus.BAD_REQUEST, message);
	}

	HttpStatus status() {
		return this.status;
	}

}
