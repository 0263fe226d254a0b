package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.payment.PaymentProperties;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.TemplateCatalog;
import dev.mora.whatsapp.WhatsAppProperties;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API's send endpoint, served inside Mora for the embedded default: it checks a request as Meta would,
 * answers in Meta's shapes and delivers the message to the simulated phone, whose delivery statuses then go to Mora's
 * webhook. It is outside the HTTP Basic login on purpose: like Meta, it takes the bearer token.
 */
@RestController
class CloudApiSimulator {

	/** The part of {@code mora.payments.link-template} where the URL button's variable part begins. */
	private static final String DEBT_ID = "{debtId}";

	private static final String TOKEN = "{token}";

	private static final Logger logger = LoggerFactory.getLogger(CloudApiSimulator.class);

	private final SimulatorStore store;

	private final SendRequestReader reader;

	private final WhatsAppProperties whatsApp;

	private final ObjectMapper json;

	private final Clock clock;

	private final StatusEmitter statuses;

	private final ScriptedFailures failures;

	CloudApiSimulator(SimulatorStore store, TemplateCatalog catalog, WhatsAppProperties whatsApp,
			PaymentProperties payments, ObjectMapper json, Clock clock, StatusEmitter statuses,
			ScriptedFailures failures) {
		this.store = store;
		this.failures = failures;
		this.statuses = statuses;
		this.reader = new SendRequestReader(catalog::find, linkBase(payments.linkTemplate()));
		this.whatsApp = whatsApp;
		this.json = json;
		this.clock = clock;
	}

	/** The template's URL button is registered at Meta as this base followed by the variable suffix. */
	static String linkBase(String linkTemplate) {
		int start = linkTemplate.contains(TOKEN) ? linkTemplate.indexOf(TOKEN) : linkTemplate.indexOf(DEBT_ID);
		return (start < 0) ? linkTemplate : linkTemplate.substring(0, start);
	}

	@PostMapping(path = "/simulator/graph/{version}/{phoneNumberId}/messages",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> send(@PathVariable String phoneNumberId,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) String body, HttpServletResponse response) throws IOException {
		try {
			if (!authorized(authorization)) {
				throw CloudApiError.invalidToken();
			}
			if (!phoneNumberId.equals(this.whatsApp.phoneNumberId())) {
				throw CloudApiError.unknownPhoneNumberId(phoneNumberId);
			}
			SendRequestReader.Delivery delivery = this.reader.read(parse(body), Ids.wamid(), this.clock.instant());
			Optional<Integer> failure = this.failures.take(delivery.waId());
			if (failure.isPresent()) {
				throw CloudApiError.scripted(failure.get());
			}
			this.store.add(delivery.waId(), delivery.recipientName(), delivery.message());
			logger.debug("Simulated phone {} received {} ({})", MessageFormats.maskPhone(delivery.waId()),
					(delivery.message().template() != null) ? delivery.message().template() : delivery.message().type(),
					delivery.message().wamid());
			// Mora's client must know the wamid before its statuses arrive: they are queued now and wait for the whole
			// answer to go out, or fail to (a message Meta accepted is delivered even if its answer is lost).
			byte[] answer = this.json.writeValueAsBytes(accepted(delivery));
			CompletableFuture<Void> answered = new CompletableFuture<>();
			this.statuses.accepted(delivery.waId(), delivery.message(), answered);
			try {
				response.setStatus(HttpStatus.OK.value());
				response.setContentType(MediaType.APPLICATION_JSON_VALUE);
				response.setContentLength(answer.length);
				response.getOutputStream().write(answer);
				response.flushBuffer();
			}
			finally {
				answered.complete(null);
			}
			return null;
		}
		catch (CloudApiError ex) {
			// Mora's ledger records the refusal too; this says why where a developer looks first.
			logger.info("Simulator refused a send with {}: {}{}", ex.code(), ex.getMessage(),
					(ex.details() != null) ? " (" + ex.details() + ")" : "");
			ResponseEntity.BodyBuilder answer = ResponseEntity.status(ex.status());
			if (ex.status() == HttpStatus.UNAUTHORIZED) {
				answer.header(HttpHeaders.WWW_AUTHENTICATE,
						"OAuth \"Facebook Platform\" \"invalid_token\" \"" + ex.getMessage() + "\"");
			}
			return answer.body(ex.body(this.json, Ids.fbtraceId()));
		}
	}

	private boolean authorized(String authorization) {
		String expected = "Bearer " + this.whatsApp.bearerToken();
		return authorization != null && MessageDigest.isEqual(authorization.getBytes(StandardCharsets.UTF_8),
				expected.getBytes(StandardCharsets.UTF_8));
	}

	private JsonNode parse(String body) {
		if (body == null || body.isBlank()) {
			throw CloudApiError.requiredParameter("messaging_product");
		}
		try {
			return this.json.readTree(body);
		}
		catch (IOException ex) {
			throw CloudApiError.invalidParameter("The request body is not valid JSON");
		}
	}

	/** The answer of {@code fixtures/whatsapp/send-response-200.json}. */
	private ObjectNode accepted(SendRequestReader.Delivery delivery) {
		ObjectNode answer = this.json.createObjectNode();
		answer.put("messaging_product", "whatsapp");
		answer.putArray("contacts").addObject().put("input", delivery.input()).put("wa_id", delivery.waId());
		answer.putArray("messages")
			.addObject()
			.put("id", delivery.message().wamid())
			.put("message_status", "accepted");
		return answer;
	}

}
