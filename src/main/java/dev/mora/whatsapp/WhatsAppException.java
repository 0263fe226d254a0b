package dev.mora.whatsapp;

/** A send the Cloud API refused, or that did not reach it. */
public class WhatsAppException extends RuntimeException {

	private final int code;

	private final WhatsAppErrorKind kind;

	WhatsAppException(int code, String message, WhatsAppErrorKind kind, Throwable cause) {
		super("WhatsApp error " + code + ": " + message, cause);
		this.code = code;
		this.kind = kind;
	}

	static WhatsAppException of(int code, String message) {
		return new WhatsAppException(code, message, WhatsAppErrorKind.of(code), null);
	}

	/** The Cloud API could not be reached or answered nothing usable: retry. */
	static WhatsAppException unreachable(String message, Throwable cause) {
		return new WhatsAppException(0, message, WhatsAppErrorKind.TRANSIENT, cause);
	}

	public int code() {
		return this.code;
	}

	public WhatsAppErrorKind kind() {
		return this.kind;
	}

}
