package dev.mora.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;

/**
 * A send the Cloud API would refuse, with the HTTP status and the Graph error Meta answers for it. Mora's
 * {@code WhatsAppClient} classifies failures by {@code error.code}, so the codes are Meta's own.
 */
final class CloudApiError extends RuntimeException {

	private static final String OAUTH = "OAuthException";

	private final HttpStatus status;

	private final int code;

	private final String type;

	private final Integer subcode;

	private final String details;

	private CloudApiError(HttpStatus status, int code, String type, Integer subcode, String message, String details) {
		super(message);
		this.status = status;
		this.code = code;
		this.type = type;
		this.subcode = subcode;
		this.details = details;
	}

	/** Meta's words for a token it cannot use; this error carries no {@code error_data}. */
	static CloudApiError invalidToken() {
		return new CloudApiError(HttpStatus.UNAUTHORIZED, 190, OAUTH, null,
				"Invalid OAuth access token - Cannot parse access token", null);
	}

	static CloudApiError unknownPhoneNumberId(String id) {
		return new CloudApiError(HttpStatus.BAD_REQUEST, 100, "GraphMethodException", 33, "Unsupported post request. "
				+ "Object with ID '" + id + "' does not exist, cannot be loaded due to missing permissions, or does not "
				+ "support this operation. Please read the Graph API documentation at "
				+ "https://developers.facebook.com/docs/graph-api", null);
	}

	static CloudApiError requiredParameter(String parameter) {
		return new CloudApiError(HttpStatus.BAD_REQUEST, 100, OAUTH, null,
				"(#100) The parameter " + parameter + " is required.", null);
	}

	static CloudApiError invalidParameter(String details) {
		return graph(HttpStatus.BAD_REQUEST, 100, "Invalid parameter", details);
	}

	static CloudApiError missingValue(String details) {
		return graph(HttpStatus.BAD_REQUEST, 131008, "Required parameter is missing", details);
	}

	static CloudApiError invalidValue(String details) {
		return graph(HttpStatus.BAD_REQUEST, 131009, "Parameter value is not valid", details);
	}

	static CloudApiError parameterMismatch(String details) {
		return graph(HttpStatus.BAD_REQUEST, 132000, "Number of parameters does not match the expected number of params",
				details);
	}

	static CloudApiError templateMissing(String name, String language) {
		return graph(HttpStatus.NOT_FOUND, 132001, "Template name does not exist in the translation",
				"template name (" + name + ") does not exist in " + language);
	}

	/** The errors a person may ask the simulator to answer with, to try how Mora handles them. */
	static final java.util.Map<Integer, String> SCRIPTABLE = java.util.Map.of(130429, "Rate limit hit", 131026,
			"Message Undeliverable", 131031, "Business Account locked", 131047, "Re-engagement message");

	/** One of {@link #SCRIPTABLE}, as Meta answers it. */
	static CloudApiError scripted(int code) {
		String title = SCRIPTABLE.get(code);
		String details = switch (code) {
			case 130429 -> "Cloud API message throughput has been reached.";
			case 131026 -> "Message could not be delivered.";
			case 131031 -> "Business account has been locked.";
			default -> "More than 24 hours have passed since the recipient last replied to the sender number.";
		};
		return graph((code == 131031) ? HttpStatus.FORBIDDEN : HttpStatus.BAD_REQUEST, code, title, details);
	}

	private static CloudApiError graph(HttpStatus status, int code, String title, String details) {
		return new CloudApiError(status, code, OAUTH, null, "(#" + code + ") " + title, details);
	}

	HttpStatus status() {
		return this.status;
	}

	int code() {
		return this.code;
	}

	String details() {
		return this.details;
	}

	/** The answer's body, as in {@code fixtures/whatsapp/error-*.json}. */
	ObjectNode body(ObjectMapper json, String fbtraceId) {
		ObjectNode body = json.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", getMessage());
		error.put("type", this.type);
		error.put("code", this.code);
		if (this.subcode != null) {
			error.put("error_subcode", this.subcode);
		}
		if (this.details != null) {
			error.putObject("error_data").put("messaging_product", "whatsapp").put("details", this.details);
		}
		error.put("fbtrace_id", fbtraceId);
		return body;
	}

}
