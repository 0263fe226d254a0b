package dev.mora.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stands in for Mora's WhatsApp webhook: records what the simulator posts, checks each post's signature itself, and
 * answers 200 as Mora does, unless a test scripted another answer first.
 */
final class WebhookRecorder implements AutoCloseable {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();

	private final Queue<Integer> scripted = new ConcurrentLinkedQueue<>();

	WebhookRecorder() {
		this.server.setDispatcher(new Dispatcher() {
			@Override
			public MockResponse dispatch(RecordedRequest request) {
				WebhookRecorder.this.requests.add(request);
				Integer code = WebhookRecorder.this.scripted.poll();
				return new MockResponse.Builder().code((code != null) ? code : 200)
					.setHeader("Content-Type", "text/plain")
					.body((code != null) ? "refused" : "EVENT_RECEIVED")
					.build();
			}
		});
		try {
			this.server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	HttpUrl url() {
		return this.server.url(MoraWebhook.PATH);
	}

	void answerNext(int code) {
		this.scripted.add(code);
	}

	List<RecordedRequest> requests() {
		return List.copyOf(this.requests);
	}

	/** Every body received so far, in order, after checking that each is a signed JSON POST to the webhook. */
	List<JsonNode> signedBodies(String appSecret) {
		return requests().stream().map((request) -> {
			assertThat(request.getMethod()).isEqualTo("POST");
			assertThat(request.getUrl().encodedPath()).isEqualTo(MoraWebhook.PATH);
			assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
			byte[] raw = request.getBody().toByteArray();
			assertThat(request.getHeaders().get("X-Hub-Signature-256")).as("signature of %s", utf8(raw))
				.isEqualTo("sha256=" + hmacSha256Hex(appSecret, raw));
			return parse(raw);
		}).toList();
	}

	/** The statuses received so far, each as {@code wamid status}. */
	List<String> statuses(String appSecret) {
		return signedBodies(appSecret).stream()
			.map(WebhookRecorder::value)
			.filter((value) -> value.has("statuses"))
			.map((value) -> value.path("statuses").path(0))
			.map((status) -> status.path("id").asText() + " " + status.path("status").asText())
			.toList();
	}

	/** The messages received so far. */
	List<JsonNode> messages(String appSecret) {
		return signedBodies(appSecret).stream()
			.map(WebhookRecorder::value)
			.filter((value) -> value.has("messages"))
			.map((value) -> value.path("messages").path(0))
			.toList();
	}

	void reset() {
		this.requests.clear();
		this.scripted.clear();
	}

	static JsonNode value(JsonNode body) {
		return body.path("entry").path(0).path("changes").path(0).path("value");
	}

	/** Computed here, not by the simulator's code: the test checks the signature as Mora's webhook will. */
	static String hmacSha256Hex(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String utf8(byte[] raw) {
		return new String(raw, StandardCharsets.UTF_8);
	}

	private static JsonNode parse(byte[] raw) {
		try {
			return JSON.readTree(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		this.server.close();
	}

}
