package dev.mora.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatusEmitterTest {

	private static final String SECRET = "test-app-secret";

	private static final String WA_ID = "51987654321";

	private static final Instant NOW = Instant.parse("2026-12-09T14:30:50Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final CompletableFuture<Void> ANSWERED = CompletableFuture.completedFuture(null);

	private final WebhookRecorder recorder = new WebhookRecorder();

	private final SimulatorStore store = new SimulatorStore();

	private final MoraWebhook webhook = new MoraWebhook(new OkHttpClient(), JSON, SECRET);

	private final WebhookBodies bodies = new WebhookBodies(JSON, "106540352242922");

	private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	StatusEmitterTest() {
		this.webhook.target(this.recorder.url());
	}

	@AfterEach
	void close() {
		this.recorder.close();
	}

	@Test
	void anAcceptedMessageIsReportedSentThenDeliveredSigned() {
		StatusEmitter emitter = inline();
		SimulatedMessage message = template("wamid.A");
		this.store.add(WA_ID, "María", message);

		emitter.accepted(WA_ID, message, ANSWERED);

		assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A sent", "wamid.A delivered");
		JsonNode delivered = WebhookRecorder.value(this.recorder.signedBodies(SECRET).get(1)).path("statuses").path(0);
		assertThat(delivered.path("timestamp").asText()).isEqualTo(String.valueOf(NOW.getEpochSecond()));
		assertThat(delivered.path("recipient_id").asText()).isEqualTo(WA_ID);
		assertThat(delivered.path("biz_opaque_callback_data").asText()).isEqualTo("INV-1001/PRE_DUE");
		assertThat(this.store.message(WA_ID, "wamid.A").orElseThrow().status()).isEqualTo(SimulatedMessage.DELIVERED);
	}

	@Test
	void readMessagesAreReportedRead() {
		StatusEmitter emitter = inline();
		SimulatedMessage first = template("wamid.A");
		SimulatedMessage second = template("wamid.B");

		emitter.read(WA_ID, List.of(first.withStatus(SimulatedMessage.READ), second.withStatus(SimulatedMessage.READ)));

		assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A read", "wamid.B read");
	}

	@Test
	void aDeliveredAfterReadLeavesTheMessageRead() {
		StatusEmitter emitter = inline();
		SimulatedMessage message = template("wamid.A");
		this.store.add(WA_ID, "María", message);
		this.store.open(WA_ID);

		emitter.accepted(WA_ID, message, ANSWERED);

		assertThat(this.store.message(WA_ID, "wamid.A").orElseThrow().status()).isEqualTo(SimulatedMessage.READ);
		assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A sent", "wamid.A delivered");
	}

	@Test
	void statusesGoOutInOrderFromTheirOwnThreadAndClosingLetsTheQueuedOnesOut() throws Exception {
		StatusEmitter emitter = new StatusEmitter(this.store, this.webhook, this.bodies, this.clock);
		for (String wamid : List.of("wamid.A", "wamid.B")) {
			this.store.add(WA_ID, "María", template(wamid));
			emitter.accepted(WA_ID, template(wamid), ANSWERED);
		}

		assertThat(emitter.awaitQueued(Duration.ofSeconds(10))).isTrue();
		assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A sent", "wamid.A delivered",
				"wamid.B sent", "wamid.B delivered");

		emitter.accepted(WA_ID, template("wamid.C"), ANSWERED);
		emitter.destroy();

		assertThat(this.recorder.statuses(SECRET)).endsWith("wamid.C sent", "wamid.C delivered");
		emitter.accepted(WA_ID, template("wamid.D"), ANSWERED);
		assertThat(this.recorder.statuses(SECRET)).hasSize(6);
	}

	@Test
	void statusesWaitForTheSendsAnswerToGoOut() throws Exception {
		StatusEmitter emitter = new StatusEmitter(this.store, this.webhook, this.bodies, this.clock);
		CompletableFuture<Void> answered = new CompletableFuture<>();
		try {
			emitter.accepted(WA_ID, template("wamid.A"), answered);

			assertThat(emitter.awaitQueued(Duration.ofMillis(200))).isFalse();
			assertThat(this.recorder.requests()).isEmpty();

			answered.complete(null);
			assertThat(emitter.awaitQueued(Duration.ofSeconds(10))).isTrue();
			assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A sent", "wamid.A delivered");
		}
		finally {
			emitter.destroy();
		}
	}

	@Test
	void aWebhookThatCannotBeReachedLosesTheStatusNotTheMessage() throws Exception {
		MockWebServer gone = new MockWebServer();
		gone.start(0);
		this.webhook.target(gone.url(MoraWebhook.PATH));
		gone.close();
		SimulatedMessage message = template("wamid.A");
		this.store.add(WA_ID, "María", message);

		inline().accepted(WA_ID, message, ANSWERED);

		assertThat(this.store.message(WA_ID, "wamid.A").orElseThrow().status()).isEqualTo(SimulatedMessage.DELIVERED);
	}

	@Test
	void aWebhookThatRefusesIsNotRetried() {
		this.recorder.answerNext(401);
		SimulatedMessage message = template("wamid.A");

		inline().accepted(WA_ID, message, ANSWERED);

		assertThat(this.recorder.statuses(SECRET)).containsExactly("wamid.A sent", "wamid.A delivered");
	}

	private StatusEmitter inline() {
		return new StatusEmitter(this.store, this.webhook, this.bodies, this.clock, Runnable::run);
	}

	private static SimulatedMessage template(String wamid) {
		return SimulatedMessage.outbound(wamid, NOW.minusSeconds(5), "template", "mora_recordatorio_previo",
				"Hola María", List.of(SimulatedButton.quickReply("Refinanciar", "REFINANCE:INV-1001")),
				"INV-1001/PRE_DUE");
	}

}
