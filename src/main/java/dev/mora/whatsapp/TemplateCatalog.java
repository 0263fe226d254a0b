package dev.mora.whatsapp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/** The message templates Mora sends, read from {@code whatsapp/templates.json}: their text and buttons. */
@Component
public class TemplateCatalog {

	static final String LOCATION = "whatsapp/templates.json";

	private final Map<String, Template> templates;

	TemplateCatalog(ObjectMapper json) {
		this.templates = read(json);
	}

	public Optional<Template> find(String name) {
		return Optional.ofNullable(this.templates.get(name));
	}

	public Template get(String name) {
		return find(name).orElseThrow(() -> WhatsAppException.of(132001, "template " + name + " is not in " + LOCATION));
	}

	private static Map<String, Template> read(ObjectMapper json) {
		try (InputStream in = new ClassPathResource(LOCATION).getInputStream()) {
			Map<String, Template> templates = new LinkedHashMap<>();
			json.readTree(in).path("templates").properties().forEach((entry) -> {
				List<Button> buttons = new ArrayList<>();
				for (JsonNode button : entry.getValue().path("buttons")) {
					buttons.add(new Button(button.path("type").asText(), button.path("text").asText(),
							button.path("payload").asText(null)));
				}
				templates.put(entry.getKey(),
						new Template(entry.getKey(), entry.getValue().path("body").asText(), List.copyOf(buttons)));
			});
			return Map.copyOf(templates);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + LOCATION, ex);
		}
	}

	/** A template: its body with {@code {{name}}} parameters, and its buttons in order. */
	public record Template(String name, String body, List<Button> buttons) {

		public boolean hasUrlButton() {
			return this.buttons.stream().anyMatch(Button::isUrl);
		}

		/** The quick-reply payload prefixes, such as {@code REFINANCE}, in button order. */
		public List<String> quickReplyPrefixes() {
			return this.buttons.stream().filter((button) -> !button.isUrl()).map(Button::payload).toList();
		}

		/** The body with its parameters filled in. */
		public String render(Map<String, String> parameters) {
			String text = this.body;
			for (Map.Entry<String, String> parameter : parameters.entrySet()) {
				text = text.replace("{{" + parameter.getKey() + "}}", parameter.getValue());
			}
			return text;
		}

	}

	/** A button: {@code url} or {@code quick_reply} (whose payload prefix is followed by ':' and the debt id). */
	public record Button(String type, String text, String payload) {

		public boolean isUrl() {
			return "url".equals(this.type);
		}

	}

}
