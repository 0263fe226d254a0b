package dev.mora.simulator;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.payment.PaymentProperties;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import dev.mora.whatsapp.TemplateCatalog;
import dev.mora.whatsapp.WhatsAppProperties;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Cloud API's send endpoint, served inside Mora: it checks a message as Meta would, answers in Meta's shapes,
 * and delivers it to the simulated phone.
 */
@RestController
class CloudApiSimulator {

	private static final Pattern PARAMETER = Pattern.compile("\\{\\{(\\w+)}}");

	private static final Pattern RECIPIENT = Pattern.compile("\\+?[1-9][0-9]{6,14}");

	private final SimulatorStore store;

	private final TemplateCatalog catalog;

	private final WhatsAppProperties whatsApp;

	private final String linkBase;

	private final ObjectMapper json;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	CloudApiSimulator(SimulatorStore store, TemplateCatalog catalog, WhatsAppProperties whatsApp,
			PaymentProperties payments, ObjectMapper json, Clock clock) {
		this.store = store;
		this.catalog = catalog;
		this.whatsApp = whatsApp;
		String template = payments.linkTemplate();
		int placeholder = template.contains("{token}") ? template.indexOf("{token}") : template.indexOf("{debtId}");
		this.linkBase = template.substring(0, Math.max(0, placeholder));
		this.json = json;
		this.clock = clock;
	}

	@PostMapping(path = "/simulator/graph/{version}/{phoneNumberId}/messages",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<JsonNode> send(@PathVariable String version, @PathVariable String phoneNumberId,
			@RequestHeader(name = "Authorization", required = false) String authorization,
			@RequestBody(required = false) JsonNode body) {
		if (authorization == null || !authorization.equals("Bearer " + this.whatsApp.bearerToken())) {
			return error(HttpStatus.UNAUTHORIZED, 190, "Invalid OAuth access token - Cannot parse access token");
		}
		if (!phoneNumberId.equals(this.whatsApp.phoneNumberId())) {
			return error(HttpStatus.BAD_REQUEST, 100, "Unsupported post request. Object with ID '" + phoneNumberId
					+ "' does not exist");
		}
		if (body == null || !"whatsapp".equals(body.path("messaging_product").asText())) {
			return error(HttpStatus.BAD_REQUEST, 100, "The parameter messaging_product is required.");
		}
		String to = body.path("to").asText("");
		if (!RECIPIENT.matcher(to).matches()) {
			return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter: to");
		}
		String phone = to.startsWith("+") ? to : "+" + to;
		String type = body.path("type").asText("text");
		SimulatedMessage message;
		if ("template".equals(type)) {
			Optional<TemplateCatalog.Template> template = this.catalog.find(body.path("template").path("name").asText());
			if (template.isEmpty()) {
				return error(HttpStatus.NOT_FOUND, 132001, "Template name does not exist in the translation");
			}
			Map<String, String> parameters = bodyParameters(body.path("template"));
			List<String> expected = PARAMETER.matcher(template.get().body()).results().map((m) -> m.group(1)).toList();
			if (!parameters.keySet().containsAll(expected) || parameters.size() != expected.size()) {
				return error(HttpStatus.BAD_REQUEST, 132000,
						"Number of parameters does not match the expected number of params");
			}
			message = outbound(template.get().name(), template.get().render(parameters),
					buttons(template.get(), body.path("template")), body);
		}
		else if ("text".equals(type)) {
			message = outbound(null, body.path("text").path("body").asText(), List.of(), body);
		}
		else if ("interactive".equals(type)) {
			List<SimulatedButton> buttons = new ArrayList<>();
			for (JsonNode button : body.path("interactive").path("action").path("buttons")) {
				buttons.add(new SimulatedButton("quick_reply", button.path("reply").path("title").asText(), null,
						button.path("reply").path("id").asText()));
			}
			message = outbound(null, body.path("interactive").path("body").path("text").asText(), buttons, body);
		}
		else {
			return error(HttpStatus.BAD_REQUEST, 100, "Invalid parameter: type " + type);
		}
		this.store.add(phone, message);
		ObjectNode answer = this.json.createObjectNode();
		answer.put("messaging_product", "whatsapp");
		answer.putArray("contacts").addObject().put("input", to).put("wa_id", phone.substring(1));
		answer.putArray("messages").addObject().put("id", message.wamid()).put("message_status", "accepted");
		return ResponseEntity.ok(answer);
	}

	private SimulatedMessage outbound(String template, String text, List<SimulatedButton> buttons, JsonNode body) {
		return new SimulatedMessage(newWamid(), this.clock.instant(), SimulatedMessage.Direction.OUTBOUND, template,
				text, buttons, body.path("biz_opaque_callback_data").asText(null), "sent");
	}

	private static Map<String, String> bodyParameters(JsonNode template) {
		Map<String, String> parameters = new LinkedHashMap<>();
		for (JsonNode component : template.path("components")) {
			if ("body".equals(component.path("type").asText())) {
				for (JsonNode parameter : component.path("parameters")) {
					parameters.put(parameter.path("parameter_name").asText(), parameter.path("text").asText());
				}
			}
		}
		return parameters;
	}

	private List<SimulatedButton> buttons(TemplateCatalog.Template template, JsonNode sent) {
		Map<Integer, JsonNode> parameters = new LinkedHashMap<>();
		for (JsonNode component : sent.path("components")) {
			if ("button".equals(component.path("type").asText())) {
				parameters.put(component.path("index").asInt(), component.path("parameters").path(0));
			}
		}
		List<SimulatedButton> buttons = new ArrayList<>();
		for (int i = 0; i < template.buttons().size(); i++) {
			TemplateCatalog.Button button = template.buttons().get(i);
			JsonNode parameter = parameters.getOrDefault(i, this.json.createObjectNode());
			if (button.isUrl()) {
				buttons.add(new SimulatedButton("url", button.text(), this.linkBase + parameter.path("text").asText(),
						null));
			}
			else {
				buttons.add(new SimulatedButton("quick_reply", button.text(), null,
						parameter.path("payload").asText(button.payload())));
			}
		}
		return buttons;
	}

	private String newWamid() {
		byte[] bytes = new byte[24];
		this.random.nextBytes(bytes);
		return "wamid." + Base64.getEncoder().encodeToString(bytes);
	}

	private ResponseEntity<JsonNode> error(HttpStatus status, int code, String message) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode error = body.putObject("error");
		error.put("message", "(#" + code + ") " + message);
		error.put("type", "OAuthException");
		error.put("code", code);
		error.putObject("error_data").put("messaging_product", "whatsapp").put("details", message);
		error.put("fbtrace_id", "Simulator");
		return ResponseEntity.status(status).body(body);
	}

}
