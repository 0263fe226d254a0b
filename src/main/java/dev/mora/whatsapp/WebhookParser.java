package dev.mora.whatsapp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads Meta's webhook bodies into events: messages of every type, and statuses. */
final class WebhookParser {

	private WebhookParser() {
	}

	static List<InboundEvent> parse(JsonNode webhook) {
		List<InboundEvent> events = new ArrayList<>();
		for (JsonNode entry : webhook.path("entry")) {
			for (JsonNode change : entry.path("changes")) {
				JsonNode value = change.path("value");
				for (JsonNode message : value.path("messages")) {
					events.add(message(message));
				}
				for (JsonNode status : value.path("statuses")) {
					events.add(status(status));
				}
			}
		}
		return events;
	}

	private static InboundEvent message(JsonNode message) {
		String type = message.path("type").asText("unknown");
		String body = null;
		String payload = null;
		switch (type) {
			case "text" -> body = message.path("text").path("body").asText(null);
			case "button" -> {
				body = message.path("button").path("text").asText(null);
				payload = message.path("button").path("payload").asText(null);
			}
			case "interactive" -> {
				JsonNode reply = message.path("interactive").path("button_reply");
				if (reply.isMissingNode()) {
					reply = message.path("interactive").path("list_reply");
				}
				body = reply.path("title").asText(null);
				payload = reply.path("id").asText(null);
			}
			case "image", "document" -> body = message.path(type).path("caption").asText(null);
			default -> {
				// Stored and acknowledged; processing logs it.
			}
		}
		return new InboundEvent(0, InboundEvent.MESSAGE, message.path("id").asText(), phone(message.path("from")),
				type, truncate(body, 4096), truncate(payload, 256), message.path("context").path("id").asText(null),
				null, null, timestamp(message.path("timestamp")), null);
	}

	private static InboundEvent status(JsonNode status) {
		String wamid = status.path("id").asText();
		String name = status.path("status").asText("unknown");
		JsonNode error = status.path("errors").path(0);
		// The send's biz_opaque_callback_data ("<debtId>/<stage>") comes back as the status's payload.
		return new InboundEvent(0, InboundEvent.STATUS, wamid + "/" + name, phone(status.path("recipient_id")),
				null, null, truncate(status.path("biz_opaque_callback_data").asText(null), 256), wamid, name,
				error.path("code").isInt() ? error.path("code").asInt() : null,
				timestamp(status.path("timestamp")), null);
	}

	private static String phone(JsonNode waId) {
		String digits = waId.asText("");
		return digits.isEmpty() ? null : "+" + digits;
	}

	private static Instant timestamp(JsonNode seconds) {
		return seconds.canConvertToLong() || seconds.asText("").matches("\\d+")
				? Instant.ofEpochSecond(Long.parseLong(seconds.asText())) : null;
	}

	private static String truncate(String text, int length) {
		return (text != null && text.length() > length) ? text.substring(0, length) : text;
	}

}
