package dev.mora.simulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import dev.mora.testing.Fixtures;
import dev.mora.whatsapp.TemplateCatalog.Button;
import dev.mora.whatsapp.TemplateCatalog.Template;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SendRequestReaderTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	private static final Instant NOW = Instant.parse("2026-12-12T15:00:00Z");

	private static final Template PRE_DUE = new Template("mora_recordatorio_previo",
			"Hola {{nombre}}, tu cuota de {{monto}} vence el {{vencimiento}}. ¡Gracias {{nombre}}!",
			List.of(new Button("url", "Pagar ahora", null), new Button("quick_reply", "Refinanciar", "REFINANCE")));

	private final SendRequestReader reader = new SendRequestReader(
			(name) -> Optional.ofNullable(Map.of(PRE_DUE.name(), PRE_DUE).get(name)), "https://pagos.example.pe/pay/");

	@Test
	void rendersTheTemplateWithItsButtonsAsThePhoneShowsIt() {
		SendRequestReader.Delivery delivery = read(fixture());

		assertThat(delivery.input()).isEqualTo("51987654321");
		assertThat(delivery.waId()).isEqualTo("51987654321");
		assertThat(delivery.recipientName()).isEqualTo("María");
		assertThat(delivery.message()).isEqualTo(new SimulatedMessage("wamid.X", NOW,
				SimulatedMessage.Direction.OUTBOUND, "template", "mora_recordatorio_previo",
				"Hola María, tu cuota de S/ 350.00 vence el 15/12/2026. ¡Gracias María!",
				List.of(SimulatedButton.link("Pagar ahora", "https://pagos.example.pe/pay/INV-1001?t=9f2c"),
						SimulatedButton.quickReply("Refinanciar", "REFINANCE:INV-1001")),
				"INV-1001/PRE_DUE", "sent", null, null));
	}

	@Test
	void takesTheRecipientWithAPlusToo() {
		SendRequestReader.Delivery delivery = read(fixture((body) -> body.put("to", "+51987654321")));

		assertThat(delivery.input()).isEqualTo("+51987654321");
		assertThat(delivery.waId()).isEqualTo("51987654321");
	}

	@Test
	void aQuickReplySentWithoutPayloadAnswersItsText() {
		ObjectNode body = fixture();
		((ObjectNode) components(body).get(2)).putArray("parameters");

		assertThat(read(body).message().buttons().get(1).payload()).isEqualTo("Refinanciar");
	}

	@Test
	void anUnknownTemplateIsMetasError132001() {
		SendRequestReader empty = new SendRequestReader((name) -> Optional.empty(), "https://pagos.example.pe/pay/");

		assertThatThrownBy(() -> empty.read(fixture(), "wamid.X", NOW)).isInstanceOfSatisfying(CloudApiError.class,
				(error) -> {
					assertThat(error.status().value()).isEqualTo(404);
					JsonNode expected = tree(Fixtures.whatsApp("error-132001-template-missing.json"));
					assertThat(error.body(JSON, expected.path("error").path("fbtrace_id").asText())).isEqualTo(expected);
				});
	}

	@Test
	void aMissingBodyParameterIsError132000() {
		assertRefused(fixture((body) -> bodyParameters(body).remove(2)), 132000, "(2)", "(3)");
	}

	@Test
	void anExtraBodyParameterIsError132000() {
		assertRefused(fixture((body) -> bodyParameters(body).addObject()
			.put("type", "text")
			.put("parameter_name", "saldo")
			.put("text", "S/ 1.00")), 132000, "(4)", "(3)");
	}

	@Test
	void aBodyParameterOfAnotherNameIsError132000() {
		assertRefused(fixture((body) -> ((ObjectNode) bodyParameters(body).get(1)).put("parameter_name", "importe")),
				132000, "importe");
	}

	@Test
	void positionalParametersForANamedTemplateAreError132000() {
		assertRefused(fixture((body) -> bodyParameters(body).forEach((p) -> ((ObjectNode) p).remove("parameter_name"))),
				132000);
	}

	@Test
	void aRepeatedBodyParameterIsError132000() {
		assertRefused(fixture((body) -> ((ObjectNode) bodyParameters(body).get(1)).put("parameter_name", "nombre")),
				132000);
	}

	@Test
	void anEmptyParameterIsError131008() {
		assertRefused(fixture((body) -> ((ObjectNode) bodyParameters(body).get(0)).put("text", " ")), 131008,
				"nombre");
	}

	@Test
	void parameterTextWithANewLineIsRefusedAsMetaDoes() {
		assertRefused(fixture((body) -> ((ObjectNode) bodyParameters(body).get(0)).put("text", "María\nQuispe")), 100,
				"new-line");
	}

	@Test
	void aUrlButtonWithoutItsSuffixIsError131008() {
		assertRefused(fixture((body) -> components(body).remove(1)), 131008, "index 0");
	}

	@Test
	void aButtonTheTemplateDoesNotHaveIsError131009() {
		assertRefused(fixture((body) -> ((ObjectNode) components(body).get(2)).put("index", "2")), 131009, "index 2");
		assertRefused(fixture((body) -> ((ObjectNode) components(body).get(2)).put("sub_type", "url")), 131009);
	}

	@Test
	void theShapeIsCheckedAsMetaDoes() {
		assertRefused(fixture((body) -> body.remove("messaging_product")), 100);
		assertRefused(fixture((body) -> body.put("messaging_product", "instagram")), 100);
		assertRefused(fixture((body) -> body.remove("to")), 100);
		assertRefused(fixture((body) -> body.put("to", "51 987 654 321")), 100);
		assertRefused(fixture((body) -> body.put("to", "123")), 100);
		assertRefused(fixture((body) -> body.put("type", "image")), 100, "image");
		assertRefused(fixture((body) -> ((ObjectNode) body.path("template")).remove("language")), 100);
		assertRefused(fixture((body) -> body.put("biz_opaque_callback_data", "x".repeat(513))), 100);
	}

	@Test
	void aTextMessageShowsItsBody() throws Exception {
		SendRequestReader.Delivery delivery = read((ObjectNode) JSON.readTree("""
				{"messaging_product":"whatsapp","to":"51987654321","type":"text","text":{"body":"¿Pudiste pagar?"}}
				"""));

		assertThat(delivery.message().text()).isEqualTo("¿Pudiste pagar?");
		assertThat(delivery.message().template()).isNull();
		assertThat(delivery.message().buttons()).isEmpty();
		assertThat(delivery.recipientName()).isNull();
	}

	@Test
	void aTextMessageNeedsABody() throws Exception {
		assertRefused((ObjectNode) JSON.readTree("""
				{"messaging_product":"whatsapp","to":"51987654321","type":"text","text":{}}
				"""), 100);
	}

	@Test
	void anInteractiveMessageShowsItsReplyButtons() throws Exception {
		SendRequestReader.Delivery delivery = read((ObjectNode) JSON.readTree("""
				{"messaging_product":"whatsapp","to":"51987654321","type":"interactive","interactive":{
				 "type":"button","body":{"text":"¿Cuándo podrás pagar?"},"action":{"buttons":[
				  {"type":"reply","reply":{"id":"PROMISE_WEEK:INV-1","title":"Esta semana"}},
				  {"type":"reply","reply":{"id":"REFINANCE:INV-1","title":"Refinanciar"}}]}}}
				"""));

		assertThat(delivery.message().type()).isEqualTo("interactive");
		assertThat(delivery.message().text()).isEqualTo("¿Cuándo podrás pagar?");
		assertThat(delivery.message().buttons()).containsExactly(
				SimulatedButton.quickReply("Esta semana", "PROMISE_WEEK:INV-1"),
				SimulatedButton.quickReply("Refinanciar", "REFINANCE:INV-1"));
	}

	@Test
	void anInteractiveListShowsItsRowsToTap() throws Exception {
		SendRequestReader.Delivery delivery = read((ObjectNode) JSON.readTree("""
				{"messaging_product":"whatsapp","to":"51987654321","type":"interactive","interactive":{
				 "type":"list","body":{"text":"¿Cuándo podrás pagar?"},"action":{"button":"Elegir","sections":[
				  {"title":"Fechas","rows":[{"id":"PROMISE_WEEK:INV-1","title":"Esta semana"},
				   {"id":"PROMISE_MONTH:INV-1","title":"El próximo mes"}]}]}}}
				"""));

		assertThat(delivery.message().buttons()).containsExactly(
				SimulatedButton.listRow("Esta semana", "PROMISE_WEEK:INV-1"),
				SimulatedButton.listRow("El próximo mes", "PROMISE_MONTH:INV-1"));
	}

	@Test
	void aCallToActionLinkMustBeAWebLink() throws Exception {
		assertRefused((ObjectNode) JSON.readTree("""
				{"messaging_product":"whatsapp","to":"51987654321","type":"interactive","interactive":{
				 "type":"cta_url","body":{"text":"Paga aquí"},
				 "action":{"name":"cta_url","parameters":{"display_text":"Pagar","url":"javascript:alert(1)"}}}}
				"""), 131009);
	}

	@Test
	void theLinkBaseIsTheLinkTemplateBeforeTheDebtId() {
		assertThat(CloudApiSimulator.linkBase("http://localhost:8080/pay/{debtId}?src=wa"))
			.isEqualTo("http://localhost:8080/pay/");
	}

	private SendRequestReader.Delivery read(ObjectNode body) {
		return this.reader.read(body, "wamid.X", NOW);
	}

	private void assertRefused(ObjectNode body, int code, String... details) {
		assertThatThrownBy(() -> read(body)).isInstanceOfSatisfying(CloudApiError.class, (error) -> {
			assertThat(error.code()).isEqualTo(code);
			assertThat(error.status().is4xxClientError()).isTrue();
			JsonNode answer = error.body(JSON, "trace");
			assertThat(answer.path("error").path("code").asInt()).isEqualTo(code);
			assertThat(answer.path("error").path("type").asText()).isEqualTo("OAuthException");
			for (String detail : details) {
				assertThat(error.details()).contains(detail);
			}
		});
	}

	private static ObjectNode fixture() {
		return (ObjectNode) tree(Fixtures.whatsApp("send-template-request.json"));
	}

	private static ObjectNode fixture(Consumer<ObjectNode> change) {
		ObjectNode body = fixture();
		change.accept(body);
		return body;
	}

	private static ArrayNode components(ObjectNode body) {
		return (ArrayNode) body.path("template").path("components");
	}

	private static ArrayNode bodyParameters(ObjectNode body) {
		return (ArrayNode) components(body).get(0).path("parameters");
	}

	private static JsonNode tree(String json) {
		try {
			return JSON.readTree(json);
		}
		catch (Exception ex) {
			throw new IllegalArgumentException(ex);
		}
	}

}
