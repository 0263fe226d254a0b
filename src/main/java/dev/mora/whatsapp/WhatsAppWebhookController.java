package dev.mora.whatsapp;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.web.Problems;
import dev.mora.web.Signatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The WhatsApp Cloud API webhook. The verification handshake answers Meta's challenge; every POST must carry
 * {@code X-Hub-Signature-256}, an HMAC-SHA256 of the raw bytes with the app secret. Its events are stored (once each)
 * before the 200 goes back, then processed.
 */
@RestController
class WhatsAppWebhookController {

	static final String SIGNATURE = "X-Hub-Signature-256";

	private static final Logger logger = LoggerFactory.getLogger(WhatsAppWebhookController.class);

	private final WhatsAppProperties properties;

	private final InboundStore store;

	private final InboundProcessor processor;

	private final ObjectMapper json;

	private final Clock clock;

	WhatsAppWebhookController(WhatsAppProperties properties, InboundStore store, InboundProcessor processor,
			ObjectMapper json, Clock clock) {
		this.properties = properties;
		this.store = store;
		this.processor = processor;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping(path = "/webhooks/whatsapp", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
			@RequestParam(name = "hub.verify_token", required = false) String token,
			@RequestParam(name = "hub.challenge", required = false) String challenge) {
		String expected = this.properties.verifyToken();
		boolean matches = expected != null && !expected.isEmpty() && token != null
				&& MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
		if (!"subscribe".equals(mode) || !matches || challenge == null) {
			return ResponseEntity.status(HttpStatus.FORBIDDEN).body("forbidden");
		}
		return ResponseEntity.ok(challenge);
	}

	@PostMapping(path = "/webhooks/whatsapp")
	ResponseEntity<?> receive(@RequestHeader(name = SIGNATURE, required = false) String signature,
			@RequestBody(required = false) byte[] body) {
		byte[] raw = (body != null) ? body : new byte[0];
		if (!Signatures.validSha256Header(this.properties.appSecret(), raw, signature)) {
			return Problems.of(HttpStatus.UNAUTHORIZED, "Bad signature",
					"The " + SIGNATURE + " header is missing or does not sign this body; nothing was processed", null);
		}
		JsonNode webhook;
		try {
			webhook = this.json.readTree(raw);
		}
		catch (IOException ex) {
			return Problems.of(HttpStatus.BAD_REQUEST, "Invalid webhook", "The body is not JSON", null);
		}
		List<Long> stored = new ArrayList<>();
		for (InboundEvent event : WebhookParser.parse(webhook)) {
			Optional<Long> id = this.store.storeIfNew(event, this.clock.instant());
			if (id.isPresent()) {
				stored.add(id.get());
			}
			else {
				logger.debug("Webhook event {} {} delivered again; already stored", event.kind(), event.externalId());
			}
		}
		// Stored and committed: whatever happens now, Meta's retry is not needed and the event is not lost.
		stored.forEach(this.processor::process);
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("EVENT_RECEIVED");
	}

}
