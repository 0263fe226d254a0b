package dev.mora.payment;

import dev.mora.web.Signatures;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.debt.FieldError;
import dev.mora.debt.Fields;
import dev.mora.web.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The provider-neutral payment webhook: adapters for real providers map to it. Authenticated by its signature
 * alone: {@code X-Mora-Signature: sha256=<hex HMAC-SHA256(webhook secret, raw body)>}.
 */
@RestController
class PaymentWebhookController {

	static final String SIGNATURE = "X-Mora-Signature";

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

	private static final Pattern DEBT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final PaymentService payments;

	private final PaymentProperties properties;

	private final ObjectMapper json;

	PaymentWebhookController(PaymentService payments, PaymentProperties properties, ObjectMapper json) {
		this.payments = payments;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping(path = "/webhooks/payments", produces = { MediaType.APPLICATION_JSON_VALUE,
			MediaType.APPLICATION_PROBLEM_JSON_VALUE })
	ResponseEntity<?> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		if (!Signatures.validSha256Header(this.properties.webhookSecret(), raw, signature)) {
			return Problems.of(HttpStatus.UNAUTHORIZED, "Bad signature",
					"The " + SIGNATURE + " header is missing or does not sign this body; nothing was processed", null);
		}
		IncomingPayment payment;
		try {
			payment = parse(raw);
		}
		catch (InvalidPaymentException ex) {
			return Problems.of(HttpStatus.BAD_REQUEST, "Invalid payment", ex.errors().size()
					+ " invalid field(s); nothing was stored", ex.errors());
		}
		PaymentReceipt receipt = this.payments.receive(payment);
		return switch (receipt.status()) {
			case PENDING -> ResponseEntity.accepted().body(receipt);
			case REJECTED -> Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "Currency mismatch",
					receipt.detail() + "; the payment is kept as rejected", null);
			default -> ResponseEntity.ok(receipt);
		};
	}

	private IncomingPayment parse(byte[] raw) {
		JsonNode body;
		try {
			body = this.json.readTree(raw);
		}
		catch (IOException ex) {
			throw new InvalidPaymentException(List.of(FieldError.of("body", "is not valid JSON")));
		}
		if (body == null || !body.isObject()) {
			throw new InvalidPaymentException(List.of(FieldError.of("body", "must be a JSON object")));
		}
		List<FieldError> errors = new ArrayList<>();
		String paymentId = matching(errors, "paymentId", text(body, "paymentId"), ID);
		String debtId = matching(errors, "debtId", text(body, "debtId"), DEBT_ID);
		var amount = Fields.amount("amount", text(body, "amount"), errors);
		String currency = Fields.currency("currency", text(body, "currency"), errors);
		Instant paidAt = null;
		String paidAtText = text(body, "paidAt");
		if (paidAtText == null || paidAtText.isBlank()) {
			errors.add(FieldError.of("paidAt", "is required"));
		}
		else {
			try {
				paidAt = Instant.parse(paidAtText);
			}
			catch (DateTimeParseException ex) {
				errors.add(FieldError.of("paidAt", "must be an ISO instant such as 2026-12-10T15:04:05Z"));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidPaymentException(errors);
		}
		return new IncomingPayment("mora", paymentId, debtId, amount, currency, paidAt);
	}

	private static String text(JsonNode body, String field) {
		JsonNode value = body.get(field);
		return (value == null || value.isNull()) ? null : value.asText();
	}

	private static String matching(List<FieldError> errors, String field, String value, Pattern pattern) {
		if (value == null || value.isBlank()) {
			errors.add(FieldError.of(field, "is required"));
			return null;
		}
		if (!pattern.matcher(value).matches()) {
			errors.add(FieldError.of(field, "must match " + pattern.pattern()));
			return null;
		}
		return value;
	}

	static class InvalidPaymentException extends RuntimeException {

		private final transient List<FieldError> errors;

		InvalidPaymentException(List<FieldError> errors) {
			super(errors.size() + " invalid field(s)");
			this.errors = errors;
		}

		List<FieldError> errors() {
			return this.errors;
		}

	}

}
