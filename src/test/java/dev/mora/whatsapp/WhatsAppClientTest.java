package dev.mora.whatsapp;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.testing.CloudApiServer;
import dev.mora.testing.Fixtures;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppClientTest {

	private final ObjectMapper json = new ObjectMapper();

	private final CloudApiServer server = new CloudApiServer();

	private final WhatsAppClient client = new WhatsAppClient(new OkHttpClient(), this.json,
			() -> HttpUrl.get(this.server.baseUrl()), "v23.0", "106540352242922", "token-123");

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void sendsTheTemplateInMetasShapeAndAnswersTheWamid() throws Exception {
		String wamid = this.client.send(fixtureMessage());

		assertThat(wamid).startsWith("wamid.");
		RecordedRequest request = this.server.requests().get(0);
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v23.0/106540352242922/messages");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer token-123");
		assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
		assertThat(this.server.bodies().get(0))
			.isEqualTo(this.json.readTree(Fixtures.whatsApp("send-template-request.json")));
	}

	@Test
	void noAnswerInTimeMeansTheMessageMayHaveGoneOutButARefusedConnectionDoesNot() throws Exception {
		try (MockWebServer slow = new MockWebServer()) {
			slow.enqueue(new MockResponse.Builder().headersDelay(2, TimeUnit.SECONDS)
				.body(Fixtures.whatsApp("send-response-200.json"))
				.build());
			slow.start();
			WhatsAppClient impatient = new WhatsAppClient(
					new OkHttpClient.Builder().readTimeout(Duration.ofMillis(200)).build(), this.json,
					() -> HttpUrl.get(slow.url("/").toString()), "v23.0", "106540352242922", "token-123");

			assertThatThrownBy(() -> impatient.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
					(ex) -> assertThat(ex.outcomeUnknown()).isTrue());
		}
		String closed = this.server.baseUrl();
		this.server.close();
		WhatsAppClient refused = new WhatsAppClient(new OkHttpClient(), this.json, () -> HttpUrl.get(closed), "v23.0",
				"106540352242922", "token-123");
		assertThatThrownBy(() -> refused.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
				(ex) -> {
					assertThat(ex.outcomeUnknown()).isFalse();
					assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.TRANSIENT);
				});
	}

	@Test
	void rateLimitIsTransient() {
		this.server.answerNext(429, "error-130429-rate-limit.json");

		assertThatThrownBy(() -> this.client.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(130429);
					assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.TRANSIENT);
				});
	}

	@Test
	void undeliverableIsPermanentEvenWithAnHttpStatusThatLooksRetryable() {
		this.server.answerNext(500, "error-131026-undeliverable.json");

		assertThatThrownBy(() -> this.client.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
				(ex) -> {
					assertThat(ex.code()).isEqualTo(131026);
					assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.PERMANENT);
				});
	}

	@Test
	void missingTemplateIsPermanent() {
		this.server.answerNext(404, "error-132001-template-missing.json");

		assertThatThrownBy(() -> this.client.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
				(ex) -> assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.PERMANENT));
	}

	@Test
	void accountErrorsStopSending() {
		for (int code : List.of(368, 131031, 131042, 190)) {
			assertThat(WhatsAppErrorKind.of(code)).as("code %d", code).isEqualTo(WhatsAppErrorKind.ACCOUNT);
		}
	}

	@Test
	void unreachableApiIsTransient() {
		this.server.close();

		assertThatThrownBy(() -> this.client.send(fixtureMessage())).isInstanceOfSatisfying(WhatsAppException.class,
				(ex) -> assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.TRANSIENT));
	}

	private static TemplateMessage fixtureMessage() {
		return new TemplateMessage("+51987654321", "mora_recordatorio_previo", "es",
				List.of(new TemplateMessage.Parameter("nombre", "María"),
						new TemplateMessage.Parameter("monto", "S/ 350.00"),
						new TemplateMessage.Parameter("vencimiento", "15/12/2026")),
				"INV-1001?t=9f2c", List.of("REFINANCE:INV-1001"), "INV-1001/PRE_DUE");
	}

}
