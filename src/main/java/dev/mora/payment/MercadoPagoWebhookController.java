package dev.mora.payment;

import dev.mora.web.Problems;
import dev.mora.web.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mercado Pago's payment notifications. The {@code x-signature} header ({@code ts=...,v1=...}) must sign
 * {@code id:<data.id>;request-id:<x-request-id>;ts:<ts>;} with the webhook secret; then the payment is fetched
 * from Mercado Pago, so only its word on the status and amount counts, and applied when approved.
 */
@RestController
class MercadoPagoWebhookController {

	static final String PROVIDER = "mercadopago";

	/** A debt id as Mora registers them; a checkout's {@code external_reference} carries it. */
	private static final Pattern DEBT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private static final Logger logger = LoggerFactory.getLogger(MercadoPagoWebhookController.class);

	private final MercadoPagoClient client;

	private final PaymentService payments;

	private final PaymentProperties properties;

	private final ObjectMapper json;

	MercadoPagoWebhookController(MercadoPagoClient client, PaymentService payments, PaymentProperties properties,
			ObjectMapper json) {
		this.client = client;
		this.payments = payments;
		this.properties = properties;
		this.json = json;
	}

	@PostMapping("/webhooks/mercadopago")
	ResponseEntity<?> notify(@RequestParam(name = "data.id", required = false) String dataIdParam,
			@RequestParam(name = "type", required = false) String typeParam,
			@RequestHeader(name = "x-signature", required = false) String signature,
			@RequestHeader(name = "x-request-id", required = false) String requestId,
			@RequestBody(required = false) byte[] body) {
		JsonNode notification = parse(body);
		String dataId = (dataIdParam != null) ? dataIdParam : notification.path("data").path("id").asText(null);
		if (!validSignature(this.properties.mercadoPago().webhookSecret(), dataId, requestId, signature)) {
			return Problems.of(HttpStatus.UNAUTHORIZED, "Bad signature",
					"The x-signature header is missing or does not sign this notification; nothing was processed",
					null);
		}
		String type = (typeParam != null) ? typeParam : notification.path("type").asText("");
		if (!"payment".equals(type)) {
			return ResponseEntity.ok(Map.of("ignored", "type " + type));
		}
		Optional<MercadoPagoClient.Payment> payment;
		try {
			payment = this.client.payment(dataId);
		}
		catch (MercadoPagoClient.MercadoPagoException ex) {
			// Mercado Pago retries notifications that are not answered with 2xx: nothing is lost.
			logger.warn("Payment {} could not be fetched: {}", dataId, ex.getMessage());
			return Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "Provider unavailable",
					"The payment could not be confirmed with Mercado Pago yet; retry later", null);
		}
		if (payment.isEmpty() || !payment.get().approved() || payment.get().externalReference() == null) {
			return ResponseEntity.ok(Map.of("ignored",
					"payment " + dataId + " is " + payment.map(MercadoPagoClient.Payment::status).orElse("unknown")));
		}
		MercadoPagoClient.Payment approved = payment.get();
		if (!DEBT_ID.matcher(approved.externalReference()).matches()) {
			// Another integration's checkout on the same account: not a debt of Mora's, and never will be.
			return ResponseEntity.ok(Map.of("ignored", "external_reference is not a Mora debt id"));
		}
		PaymentReceipt receipt = this.payments.receive(new IncomingPayment(PROVIDER, approved.id(),
				approved.externalReference(), approved.amount(), approved.currency(), approved.approvedAt()));
		return (receipt.status() == PaymentStatus.PENDING) ? ResponseEntity.accepted().body(receipt)
				: ResponseEntity.ok(receipt);
	}

	/**
	 * Whether {@code header} ({@code ts=<ts>,v1=<hex>}) signs the notification's manifest, compared in constant
	 * time.
	 */
	static boolean validSignature(String secret, String dataId, String requestId, String header) {
		if (secret == null || secret.isBlank() || dataId == null || header == null) {
			return false;
		}
		String ts = null;
		String v1 = null;
		for (String part : header.split(",")) {
			String[] pair = part.strip().split("=", 2);
			if (pair.length == 2 && pair[0].equals("ts")) {
				ts = pair[1];
			}
			else if (pair.length == 2 && pair[0].equals("v1")) {
				v1 = pair[1];
			}
		}
		if (ts == null || v1 == null) {
			return false;
		}
		String id = dataId.matches("[A-Za-z0-9]+") ? dataId.toLowerCase(Locale.ROOT) : dataId;
		StringBuilder manifest = new StringBuilder("id:").append(id).append(';');
		if (requestId != null) {
			manifest.append("request-id:").append(requestId).append(';');
		}
		manifest.append("ts:").append(ts).append(';');
		byte[] expected = Signatures.hex(secret, manifest.toString().getBytes(StandardCharsets.UTF_8))
			.getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, v1.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
	}

	private JsonNode parse(byte[] body) {
		try {
			return (body != null && body.length > 0) ? this.json.readTree(body) : this.json.createObjectNode();
		}
		catch (java.io.IOException ex) {
			return this.json.createObjectNode();
		}
	}

}
