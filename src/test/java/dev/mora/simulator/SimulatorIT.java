package dev.mora.simulator;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import dev.mora.whatsapp.TemplateMessage;
import dev.mora.whatsapp.WhatsAppClient;
import dev.mora.whatsapp.WhatsAppException;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The built-in simulator, reached over real HTTP by Mora's own Cloud API client, as in the embedded default. */
class SimulatorIT extends ApplicationIT {

	@Autowired
	com.fasterxml.jackson.databind.ObjectMapper json;

	@Test
	void templateSentToTheSimulatorShowsRenderedWithItsButtons() {
		WhatsAppClient client = simulatorClient("simulator");

		String wamid = client.send(reminder("mora_recordatorio_previo", "+51900000001"));

		JsonNode messages = get("/simulator/api/conversations/%2B51900000001").json();
		assertThat(messages).hasSize(1);
		JsonNode message = messages.get(0);
		assertThat(message.path("wamid").asText()).isEqualTo(wamid);
		assertThat(message.path("text").asText())
			.isEqualTo("Hola María 👋, te recordamos que tu cuota de S/ 350.00 vence el 15/12/2026. "
					+ "Puedes pagarla desde el enlace. ¡Gracias!");
		assertThat(message.path("buttons").get(0).path("url").asText()).isEqualTo("http://localhost:8080/pay/SIM-1");
		assertThat(message.path("buttons").get(1).path("payload").asText()).isEqualTo("REFINANCE:SIM-1");
		assertThat(message.path("callbackData").asText()).isEqualTo("SIM-1/PRE_DUE");
		assertThat(get("/simulator/api/conversations").json()).extracting((c) -> c.path("phone").asText())
			.contains("+51900000001");
	}

	@Test
	void unknownTemplateIsRefusedAsMetaDoes() {
		WhatsAppClient client = simulatorClient("simulator");

		assertThatThrownBy(() -> client.send(reminder("no_such_template", "+51900000002")))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> assertThat(ex.code()).isEqualTo(132001));
	}

	@Test
	void wrongParametersAreRefusedAsMetaDoes() {
		WhatsAppClient client = simulatorClient("simulator");
		TemplateMessage missing = new TemplateMessage("+51900000003", "mora_recordatorio_previo", "es",
				List.of(new TemplateMessage.Parameter("nombre", "María")), "SIM-1", List.of(), null);

		assertThatThrownBy(() -> client.send(missing))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> assertThat(ex.code()).isEqualTo(132000));
	}

	@Test
	void wrongTokenIsRefused() {
		assertThatThrownBy(() -> simulatorClient("stolen").send(reminder("mora_recordatorio_previo", "+51900000004")))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> assertThat(ex.code()).isEqualTo(190));
	}

	@Test
	void pageAndConversationsNeedALogin() {
		assertThat(call(new Request.Builder().url(url("/simulator/api/conversations")).get().build()).status())
			.isEqualTo(401);
		Answer page = get("/simulator");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Simulador de WhatsApp");
		Answer anonymousSend = call(new Request.Builder().url(url("/simulator/graph/v23.0/106540352242922/messages"))
			.post(RequestBody.create("{}", MediaType.get("application/json")))
			.build());
		assertThat(anonymousSend.status()).isEqualTo(401);
	}

	private WhatsAppClient simulatorClient(String token) {
		return new WhatsAppClient(this.http, this.json, () -> HttpUrl.get(url("/simulator/graph")), "v23.0",
				"106540352242922", token);
	}

	private static TemplateMessage reminder(String template, String phone) {
		return new TemplateMessage(phone, template, "es",
				List.of(new TemplateMessage.Parameter("nombre", "María"),
						new TemplateMessage.Parameter("monto", "S/ 350.00"),
						new TemplateMessage.Parameter("vencimiento", "15/12/2026")),
				"SIM-1", List.of("REFINANCE:SIM-1"), "SIM-1/PRE_DUE");
	}

}
