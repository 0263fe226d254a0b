package dev.mora.whatsapp;

/** A send the Cloud API refused, or that did not reach it. */
public class WhatsAppException extends RuntimeException {

	private final int code;

	private final WhatsAppErrorKind kind;

	private final boolean outcomeUnknown;

	WhatsAppException(int code, String message, WhatsAppErrorKind kind, Throwable cause) {
		this(code, message, kind, cause, false);
	}

	private WhatsAppException(int code, String message, WhatsAppErrorKind kind, Throwable cause,
			boolean outcomeUnknown) {
		super("WhatsApp error " + code + ": " + message, cause);
		this.code = code;
		this.kind = kind;
		this.outcomeUnknown = outcomeUnknown;
	}

	static WhatsAppException of(int code, String message) {
		return new WhatsAppException(code, message, WhatsAppErrorKind.of(code), null);
	}

	/** The Cloud API could not be reached or answered nothing usable: retry. */
	static WhatsAppException unreachable(String message, Throwable cause) {
		return new WhatsAppException(0, message, WhatsAppErrorKind.TRANSIENT, cause);
	}

	/**
	 * The request went out and no answer came back (a timeout): Meta may have accepted the message. Retried only once
	 * WhatsApp's statuses have had time to say so.
	 */
	static WhatsAppException outcomeUnknown(String message, Throwable cause) {
		return new WhatsAppException(0, "no answer, the message may have been sent: " + message,
				WhatsAppErrorKind.TRANSIENT, cause, true);
	}

	public boolean outcomeUnknown() {
		return this.outcomeUnknown;
	}

	public int code() {
		return this.code;
	}

	public WhatsAppErrorKind kind() {
		return this.kind;
	}

}
