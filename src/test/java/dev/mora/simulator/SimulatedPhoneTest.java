package dev.mora.simulator;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatedPhoneTest {

	private static final String SECRET = "test-app-secret";

	private static final String PHONE = "+51987654321";

	private static final Instant NOW = Instant.parse("2026-12-09T14:30:45Z");

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WebhookRecorder recorder = new WebhookRecorder();

	private final SimulatorStore store = new SimulatorStore();

	private final MoraWebhook webhook = new MoraWebhook(new OkHttpClient(), JSON, SECRET);

	private final SimulatedPhone phone = new SimulatedPhone(this.store, new WebhookBodies(JSON, "106540352242922"),
			this.webhook, Clock.fixed(NOW, ZoneOffset.UTC));

	private final SimulatedMessage reminder = SimulatedMessage.outbound("wamid.REMINDER", NOW.minusSeconds(60),
			"template", "mora_recordatorio_previo", "Hola María 👋, tu cuota vence pronto.",
			List.of(SimulatedButton.link("Pagar ahora", "http://localhost:8080/pay/t"),
					SimulatedButton.quickReply("Refinanciar", "REFINANCE:INV-1001")),
			"INV-1001/PRE_DUE");

	SimulatedPhoneTest() {
		this.webhook.target(this.recorder.url());
		this.store.add(PHONE, "María", this.reminder);
	}

	@AfterEach
	void close() {
		this.recorder.close();
	}

	@Test
	void aTextShowsAsTheDebtorsAndReachesMorasWebhookSigned() {
		SimulatedPhone.Reply reply = this.phone.reply("51987654321", new ReplyRequest("  Ya pagué ayer ", null, null,
				null));

		assertThat(reply.webhookStatus()).isEqualTo(200);
		SimulatedMessage stored = this.store.messages(PHONE).orElseThrow().get(1);
		assertThat(stored).isEqualTo(SimulatedMessage.inboundText(reply.message().wamid(), NOW, "Ya pagué ayer"));
		assertThat(stored.wamid()).matches("wamid\\.[A-Za-z0-9_-]{40,}");
		JsonNode body = this.recorder.signedBodies(SECRET).get(0);
		JsonNode value = WebhookRecorder.value(body);
		assertThat(value.path("metadata").path("phone_number_id").asText()).isEqualTo("106540352242922");
		assertThat(value.path("contacts").path(0).path("profile").path("name").asText()).isEqualTo("María");
		assertThat(value.path("contacts").path(0).path("wa_id").asText()).isEqualTo("51987654321");
		JsonNode message = value.path("messages").path(0);
		assertThat(message.path("from").asText()).isEqualTo("51987654321");
		assertThat(message.path("id").asText()).isEqualTo(stored.wamid());
		assertThat(message.path("timestamp").asText()).isEqualTo(String.valueOf(NOW.getEpochSecond()));
		assertThat(message.path("type").asText()).isEqualTo("text");
		assertThat(message.path("text").path("body").asText()).isEqualTo("Ya pagué ayer");
		assertThat(message.has("context")).isFalse();
	}

	@Test
	void aTapOnAQuickReplyIsAButtonMessageWithTheTappedMessageAsContext() {
		SimulatedPhone.Reply reply = this.phone.reply(PHONE,
				new ReplyRequest(null, "REFINANCE:INV-1001", "Refinanciar", "wamid.REMINDER"));

		assertThat(reply.webhookStatus()).isEqualTo(200);
		assertThat(this.store.messages(PHONE).orElseThrow().get(1)).isEqualTo(SimulatedMessage.inboundTap(
				reply.message().wamid(), NOW, "button", "Refinanciar", "wamid.REMINDER", "REFINANCE:INV-1001"));
		JsonNode message = this.recorder.messages(SECRET).get(0);
		assertThat(message.path("type").asText()).isEqualTo("button");
		assertThat(message.path("button").path("payload").asText()).isEqualTo("REFINANCE:INV-1001");
		assertThat(message.path("button").path("text").asText()).isEqualTo("Refinanciar");
		assertThat(message.path("context").path("id").asText()).isEqualTo("wamid.REMINDER");
		assertThat(message.path("context").path("from").asText()).isEqualTo(WebhookBodies.DISPLAY_PHONE_NUMBER);
	}

	@Test
	void theButtonsTextComesFromTheMessageWhenNotGiven() {
		this.phone.reply(PHONE, new ReplyRequest(null, "REFINANCE:INV-1001", null, "wamid.REMINDER"));

		assertThat(this.recorder.messages(SECRET).get(0).path("button").path("text").asText()).isEqualTo("Refinanciar");
	}

	@Test
	void aTapOnAnInteractiveMessageIsAnInteractiveReply() {
		this.store.add(PHONE, null, SimulatedMessage.outbound("wamid.ASK", NOW, "interactive", null, "¿Cuándo?",
				List.of(SimulatedButton.quickReply("Esta semana", "PROMISE_WEEK:INV-1001"),
						SimulatedButton.listRow("El próximo mes", "PROMISE_MONTH:INV-1001")),
				null));

		this.phone.reply(PHONE, new ReplyRequest(null, "PROMISE_WEEK:INV-1001", null, "wamid.ASK"));
		this.phone.reply(PHONE, new ReplyRequest(null, "PROMISE_MONTH:INV-1001", null, "wamid.ASK"));

		List<JsonNode> messages = this.recorder.messages(SECRET);
		assertThat(messages.get(0).path("type").asText()).isEqualTo("interactive");
		assertThat(messages.get(0).path("interactive").path("button_reply").path("id").asText())
			.isEqualTo("PROMISE_WEEK:INV-1001");
		assertThat(messages.get(0).path("interactive").path("button_reply").path("title").asText())
			.isEqualTo("Esta semana");
		assertThat(messages.get(1).path("interactive").path("type").asText()).isEqualTo("list_reply");
		assertThat(messages.get(1).path("context").path("id").asText()).isEqualTo("wamid.ASK");
	}

	@Test
	void thePhoneSendsOnlyWhatAPhoneCould() {
		assertRefused("+51900000000", new ReplyRequest("Hola", null, null, null), 404);
		assertRefused(PHONE, new ReplyRequest(null, null, null, null), 400);
		assertRefused(PHONE, new ReplyRequest(" ", null, null, null), 400);
		assertRefused(PHONE, new ReplyRequest("x".repeat(4097), null, null, null), 400);
		assertRefused(PHONE, new ReplyRequest("Hola", "REFINANCE:INV-1001", null, "wamid.REMINDER"), 400);
		assertRefused(PHONE, new ReplyRequest(null, "REFINANCE:INV-1001", null, null), 400);
		assertRefused(PHONE, new ReplyRequest(null, "REFINANCE:INV-1001", null, "wamid.OTHER"), 400);
		assertRefused(PHONE, new ReplyRequest(null, "REFINANCE:INV-9999", null, "wamid.REMINDER"), 400);
		assertRefused(PHONE, new ReplyRequest(null, "REFINANCE:INV-1001", "Pagar ahora", "wamid.REMINDER"), 400);

		assertThat(this.store.messages(PHONE).orElseThrow()).hasSize(1);
		assertThat(this.recorder.requests()).isEmpty();
	}

	@Test
	void theDebtorsOwnMessageHasNoButtonsToTap() {
		SimulatedPhone.Reply text = this.phone.reply(PHONE, new ReplyRequest("Hola", null, null, null));

		assertRefused(PHONE, new ReplyRequest(null, "Hola", null, text.message().wamid()), 400);
	}

	@Test
	void theWebhooksRefusalIsTheAnswerAndTheReplyStays() {
		this.recorder.answerNext(401);

		SimulatedPhone.Reply reply = this.phone.reply(PHONE, new ReplyRequest("Hola", null, null, null));

		assertThat(reply.webhookStatus()).isEqualTo(401);
		assertThat(reply.reached()).isTrue();
		assertThat(this.store.messages(PHONE).orElseThrow()).hasSize(2);
	}

	@Test
	void aWebhookThatCannotBeReachedIsSaidSoAndTheReplyStays() throws Exception {
		MockWebServer gone = new MockWebServer();
		gone.start(0);
		this.webhook.target(gone.url(MoraWebhook.PATH));
		gone.close();

		SimulatedPhone.Reply reply = this.phone.reply(PHONE, new ReplyRequest("Hola", null, null, null));

		assertThat(reply.reached()).isFalse();
		assertThat(reply.failure()).isNotBlank();
		assertThat(this.store.messages(PHONE).orElseThrow()).hasSize(2);
	}

	private void assertRefused(String phone, ReplyRequest request, int status) {
		assertThatThrownBy(() -> this.phone.reply(phone, request)).isInstanceOfSatisfying(ReplyRefused.class,
				(ex) -> assertThat(ex.status().value()).as(request.toString()).isEqualTo(status));
	}

}
