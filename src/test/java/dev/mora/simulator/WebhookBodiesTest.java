package dev.mora.simulator;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import dev.mora.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The simulator's webhooks are Meta's, to the byte of the fixtures once the ids and times are the same. */
class WebhookBodiesTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private final WebhookBodies bodies = new WebhookBodies(JSON, "106540352242922");

	@Test
	void aTextIsMetasTextMessage() {
		JsonNode fixture = fixture("inbound-text.json");
		JsonNode sent = message(fixture);

		ObjectNode body = this.bodies.message("51987654321", "María Quispe", SimulatedMessage.inboundText(
				sent.path("id").asText(), seconds(sent), "Ya pagué ayer por Yape"), null);

		assertThat(body.toString()).isEqualTo(fixture.toString());
	}

	@Test
	void aTapOnATemplatesQuickReplyIsAButtonMessageWithItsContext() {
		JsonNode fixture = fixture("inbound-template-button.json");
		JsonNode sent = message(fixture);

		ObjectNode body = this.bodies.message("51987654321", "María Quispe",
				SimulatedMessage.inboundTap(sent.path("id").asText(), seconds(sent), "button", "Refinanciar",
						sent.path("context").path("id").asText(), "REFINANCE:INV-1001"),
				SimulatedButton.QUICK_REPLY);

		assertThat(body.toString()).isEqualTo(fixture.toString());
	}

	@Test
	void aTapOnAnInteractiveReplyButtonIsAButtonReply() {
		JsonNode fixture = fixture("inbound-interactive-reply.json");
		JsonNode sent = message(fixture);

		ObjectNode body = this.bodies.message("51987654321", "María Quispe",
				SimulatedMessage.inboundTap(sent.path("id").asText(), seconds(sent), "interactive", "Pagar ahora",
						sent.path("context").path("id").asText(), "PAY:INV-1001"),
				SimulatedButton.QUICK_REPLY);

		assertThat(body.toString()).isEqualTo(fixture.toString());
	}

	@Test
	void aTapOnAListRowIsAListReply() {
		ObjectNode body = this.bodies.message("51987654321", null, SimulatedMessage.inboundTap("wamid.IN",
				Instant.ofEpochSecond(1765290400), "interactive", "La próxima semana", "wamid.OUT", "PROMISE:INV-1"),
				SimulatedButton.LIST_ROW);

		JsonNode interactive = WebhookRecorder.value(body).path("messages").path(0).path("interactive");
		assertThat(interactive.path("type").asText()).isEqualTo("list_reply");
		assertThat(interactive.path("list_reply").path("id").asText()).isEqualTo("PROMISE:INV-1");
		assertThat(interactive.path("list_reply").path("title").asText()).isEqualTo("La próxima semana");
	}

	@Test
	void anUnknownProfileNameIsLeftOut() {
		ObjectNode body = this.bodies.message("51987654321", null,
				SimulatedMessage.inboundText("wamid.IN", Instant.ofEpochSecond(1765290245), "Hola"), null);

		assertThat(WebhookRecorder.value(body).path("contacts").path(0).toString())
			.isEqualTo("{\"wa_id\":\"51987654321\"}");
	}

	@Test
	void theStatusesOfATemplateAreMetas() {
		for (String status : List.of("sent", "delivered", "read")) {
			JsonNode fixture = fixture("status-" + status + ".json");
			JsonNode reported = WebhookRecorder.value(fixture).path("statuses").path(0);
			SimulatedMessage template = SimulatedMessage.outbound(reported.path("id").asText(),
					Instant.parse("2026-12-09T14:00:00Z"), "template", "mora_recordatorio_previo", "Hola María",
					List.of(), "INV-1001/PRE_DUE");

			ObjectNode body = this.bodies.status("51987654321", template, status, seconds(reported));

			assertThat(body.toString()).as(status).isEqualTo(fixture.toString());
		}
	}

	@Test
	void aFreeFormMessageIsAFreeServiceMessageWithoutCallbackDataIfItHadNone() {
		SimulatedMessage text = SimulatedMessage.outbound("wamid.OUT", Instant.parse("2026-12-09T14:00:00Z"), "text",
				null, "¿Pudiste pagar?", List.of(), null);

		JsonNode reported = WebhookRecorder.value(this.bodies.status("51987654321", text, "delivered",
				Instant.ofEpochSecond(1765290250)))
			.path("statuses")
			.path(0);

		assertThat(reported.has("biz_opaque_callback_data")).isFalse();
		assertThat(reported.path("pricing").toString())
			.isEqualTo("{\"billable\":false,\"pricing_model\":\"PMP\",\"category\":\"service\"}");
	}

	private static JsonNode message(JsonNode webhook) {
		return WebhookRecorder.value(webhook).path("messages").path(0);
	}

	private static Instant seconds(JsonNode node) {
		return Instant.ofEpochSecond(node.path("timestamp").asLong());
	}

	private static JsonNode fixture(String name) {
		try {
			return JSON.readTree(Fixtures.whatsApp(name));
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
