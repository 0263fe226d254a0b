package dev.mora.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import dev.mora.whatsapp.TemplateCatalog.Button;
import dev.mora.whatsapp.TemplateCatalog.Template;

/**
 * Reads a Cloud API send request the way Meta checks it, and turns it into what the debtor's phone shows. It checks
 * what Mora itself can get wrong (the shape, the recipient, the template and its parameters and buttons), so that a
 * mistake fails here, with Meta's error code, before it fails against the real API.
 */
final class SendRequestReader {

	static final String TEMPLATE = "template";

	static final String TEXT = "text";

	static final String INTERACTIVE = "interactive";

	private static final Pattern PARAMETER = Pattern.compile("\\{\\{(\\w+)}}");

	private static final Pattern RECIPIENT = Pattern.compile("\\+?([1-9][0-9]{6,14})");

	/** Meta refuses such parameter text, since it could forge the layout of an approved template. */
	private static final Pattern FORBIDDEN_TEXT = Pattern.compile("[\\n\\t]| {5,}");

	private static final int MAX_TEXT = 4096;

	private static final int MAX_CALLBACK_DATA = 512;

	/** The body parameter that holds the debtor's name, the closest thing to a WhatsApp profile name we know. */
	private static final String NAME_PARAMETER = "nombre";

	private final Function<String, Optional<Template>> templates;

	private final String linkBase;

	/**
	 * @param templates the templates Meta would know, by name
	 * @param linkBase what the template's URL button links to before its variable suffix
	 */
	SendRequestReader(Function<String, Optional<Template>> templates, String linkBase) {
		this.templates = templates;
		this.linkBase = linkBase;
	}

	/**
	 * The message the request delivers.
	 * @throws CloudApiError when Meta would refuse the request
	 */
	Delivery read(JsonNode body, String wamid, Instant at) {
		if (body == null || !body.isObject()) {
			throw CloudApiError.invalidParameter("The request body must be a JSON object");
		}
		if (!body.hasNonNull("messaging_product")) {
			throw CloudApiError.requiredParameter("messaging_product");
		}
		if (!"whatsapp".equals(body.path("messaging_product").asText())) {
			throw CloudApiError.invalidParameter("messaging_product must be whatsapp");
		}
		if (body.has("recipient_type") && !"individual".equals(body.path("recipient_type").asText())) {
			throw CloudApiError.invalidParameter("recipient_type must be individual");
		}
		if (!body.hasNonNull("to")) {
			throw CloudApiError.requiredParameter("to");
		}
		String to = body.path("to").asText();
		Matcher recipient = RECIPIENT.matcher(to);
		if (!recipient.matches()) {
			throw CloudApiError.invalidParameter("to must be a phone number in international format, digits only");
		}
		String callbackData = body.path("biz_opaque_callback_data").asText(null);
		if (callbackData != null && callbackData.length() > MAX_CALLBACK_DATA) {
			throw CloudApiError.invalidParameter("biz_opaque_callback_data is longer than " + MAX_CALLBACK_DATA);
		}
		// Like Meta, a request without a type is a text message.
		String type = body.path("type").asText(TEXT);
		Content content = switch (type) {
			case TEMPLATE -> template(body.path(TEMPLATE));
			case TEXT -> text(body.path(TEXT));
			case INTERACTIVE -> interactive(body.path(INTERACTIVE));
			default -> throw CloudApiError.invalidParameter(
					"type " + type + ": the simulator shows template, text and interactive messages");
		};
		SimulatedMessage message = SimulatedMessage.outbound(wamid, at, type, content.template(), content.text(),
				content.buttons(), callbackData);
		return new Delivery(to, recipient.group(1), content.recipientName(), message);
	}

	private Content template(JsonNode sent) {
		if (!sent.isObject()) {
			throw CloudApiError.requiredParameter("template");
		}
		String name = required(sent.path("name"), "template['name']");
		String language = required(sent.path("language").path("code"), "template['language']['code']");
		Template template = this.templates.apply(name)
			.orElseThrow(() -> CloudApiError.templateMissing(name, language));
		List<JsonNode> bodyParameters = new ArrayList<>();
		Map<Integer, JsonNode> buttonComponents = new LinkedHashMap<>();
		for (JsonNode component : sent.path("components")) {
			String componentType = component.path("type").asText("");
			switch (componentType) {
				case "body" -> component.path("parameters").forEach(bodyParameters::add);
				case "button" -> {
					int index = buttonIndex(component, template);
					if (buttonComponents.put(index, component) != null) {
						throw CloudApiError.invalidValue("buttons: button at index " + index + " is given twice");
					}
				}
				// Mora's templates have no header: any header parameter is one too many, as Meta counts it.
				case "header" -> throw CloudApiError.parameterMismatch("header: number of localizable_params ("
						+ component.path("parameters").size() + ") does not match the expected number of params (0)");
				default -> throw CloudApiError.invalidParameter("components: unknown type " + componentType);
			}
		}
		Map<String, String> parameters = bodyParameters(template, bodyParameters);
		List<SimulatedButton> buttons = new ArrayList<>();
		for (int index = 0; index < template.buttons().size(); index++) {
			buttons.add(button(index, template.buttons().get(index), buttonComponents.get(index)));
		}
		return new Content(template.name(), template.render(parameters), buttons, parameters.get(NAME_PARAMETER));
	}

	/** Named parameters, as Mora sends them: exactly the names the template's body uses, each once. */
	private static Map<String, String> bodyParameters(Template template, List<JsonNode> sent) {
		List<String> expected = PARAMETER.matcher(template.body()).results().map((match) -> match.group(1))
			.distinct()
			.toList();
		if (sent.size() != expected.size()) {
			throw CloudApiError.parameterMismatch("body: number of localizable_params (" + sent.size()
					+ ") does not match the expected number of params (" + expected.size() + ")");
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		for (JsonNode parameter : sent) {
			String name = parameter.path("parameter_name").asText("");
			if (!expected.contains(name) || parameters.containsKey(name)) {
				throw CloudApiError.parameterMismatch("body: parameter_name '" + name + "' does not match the "
						+ "template's named parameters " + expected);
			}
			if (!TEXT.equals(parameter.path("type").asText())) {
				throw CloudApiError.invalidValue("body: parameter " + name + " must be of type text");
			}
			String text = parameter.path(TEXT).asText("");
			if (text.isBlank()) {
				throw CloudApiError.missingValue("body: parameter " + name + " has no text");
			}
			if (FORBIDDEN_TEXT.matcher(text).find()) {
				throw CloudApiError.invalidParameter(
						"Param text cannot have new-line/tab characters or more than 4 consecutive spaces");
			}
			parameters.put(name, text);
		}
		return parameters;
	}

	private static int buttonIndex(JsonNode component, Template template) {
		// Meta documents the index as a string ("0"); a number is taken too.
		JsonNode index = component.path("index");
		int value;
		try {
			value = Integer.parseInt(index.asText(""));
		}
		catch (NumberFormatException ex) {
			throw CloudApiError.invalidValue("buttons: index " + index + " is not a number");
		}
		if (value < 0 || value >= template.buttons().size()) {
			throw CloudApiError.invalidValue("buttons: the template has no button at index " + value);
		}
		String subType = component.path("sub_type").asText("");
		String expected = template.buttons().get(value).type();
		if (!expected.equals(subType)) {
			throw CloudApiError.invalidValue("buttons: button at index " + value + " is of type " + expected
					+ ", not " + subType);
		}
		return value;
	}

	private SimulatedButton button(int index, Button button, JsonNode component) {
		JsonNode parameter = (component != null) ? component.path("parameters").path(0) : null;
		if (button.isUrl()) {
			// Mora's URL buttons all end in a variable part: the payment link's tail.
			String suffix = (parameter != null) ? parameter.path(TEXT).asText("") : "";
			if (suffix.isBlank()) {
				throw CloudApiError.missingValue("buttons: Button at index " + index + " of type Url requires a "
						+ "parameter");
			}
			return SimulatedButton.link(button.text(), this.linkBase + suffix);
		}
		String payload = (parameter != null) ? parameter.path("payload").asText(null) : null;
		return SimulatedButton.quickReply(button.text(), (payload != null) ? payload : button.text());
	}

	private static Content text(JsonNode sent) {
		String text = required(sent.path("body"), "text['body']");
		if (text.length() > MAX_TEXT) {
			throw CloudApiError.invalidParameter("text['body'] is longer than " + MAX_TEXT + " characters");
		}
		return new Content(null, text, List.of(), null);
	}

	private static Content interactive(JsonNode sent) {
		String kind = required(sent.path("type"), "interactive['type']");
		String text = required(sent.path("body").path(TEXT), "interactive['body']['text']");
		JsonNode action = sent.path("action");
		List<SimulatedButton> buttons = new ArrayList<>();
		switch (kind) {
			case "button" -> {
				for (JsonNode button : action.path("buttons")) {
					buttons.add(SimulatedButton.quickReply(required(button.path("reply").path("title"),
							"reply['title']"), required(button.path("reply").path("id"), "reply['id']")));
				}
				if (buttons.isEmpty() || buttons.size() > 3) {
					throw CloudApiError.invalidValue("interactive: a button message has 1 to 3 buttons");
				}
			}
			case "list" -> {
				for (JsonNode section : action.path("sections")) {
					for (JsonNode row : section.path("rows")) {
						buttons.add(SimulatedButton.listRow(required(row.path("title"), "row['title']"),
								required(row.path("id"), "row['id']")));
					}
				}
				if (buttons.isEmpty() || buttons.size() > 10) {
					throw CloudApiError.invalidValue("interactive: a list message has 1 to 10 rows");
				}
			}
			case "cta_url" -> {
				JsonNode parameters = action.path("parameters");
				String url = required(parameters.path("url"), "action['parameters']['url']");
				if (!url.startsWith("https://") && !url.startsWith("http://")) {
					throw CloudApiError.invalidValue("interactive: the url must be http or https");
				}
				buttons.add(SimulatedButton.link(required(parameters.path("display_text"),
						"action['parameters']['display_text']"), url));
			}
			default -> throw CloudApiError.invalidParameter(
					"interactive type " + kind + ": the simulator shows button, list and cta_url messages");
		}
		return new Content(null, text, buttons, null);
	}

	private static String required(JsonNode value, String name) {
		if (!value.isTextual() || value.asText().isBlank()) {
			throw CloudApiError.requiredParameter(name);
		}
		return value.asText();
	}

	/**
	 * A message accepted for one phone.
	 *
	 * @param input the recipient as the request wrote it
	 * @param waId the recipient's WhatsApp id: the phone number's digits
	 * @param recipientName the debtor's name if the message greets them by it, or null
	 * @param message what their phone shows
	 */
	record Delivery(String input, String waId, String recipientName, SimulatedMessage message) {
	}

	private record Content(String template, String text, List<SimulatedButton> buttons, String recipientName) {
	}

}
