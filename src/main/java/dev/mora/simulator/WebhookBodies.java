package dev.mora.simulator;

import java.time.Instant;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.whatsapp.WhatsAppProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The webhook bodies Meta posts for a business phone number, in the shapes of {@code fixtures/whatsapp/inbound-*.json}
 * and {@code status-*.json}: what the simulated phones send back to Mora.
 */
@Component
class WebhookBodies {

	/** The simulated WhatsApp Business Account: made up, like the fixtures' one. */
	static final String BUSINESS_ACCOUNT_ID = "102290129340398";

	/** The business's own number as the debtors see it, digits only, as Meta writes it. */
	static final String DISPLAY_PHONE_NUMBER = "15550783881";

	static final String BUTTON = "button";

	static final String INTERACTIVE = "interactive";

	private final ObjectMapper json;

	private final String phoneNumberId;

	@Autowired
	WebhookBodies(ObjectMapper json, WhatsAppProperties whatsApp) {
		this(json, whatsApp.phoneNumberId());
	}

	WebhookBodies(ObjectMapper json, String phoneNumberId) {
		this.json = json;
		this.phoneNumberId = phoneNumberId;
	}

	/**
	 * A message from the debtor: {@code inbound-text.json}, {@code inbound-template-button.json} or
	 * {@code inbound-interactive-reply.json}.
	 * @param waId the debtor's WhatsApp id, digits only
	 * @param profileName the debtor's WhatsApp profile name, or null if unknown
	 * @param message the debtor's message, with {@code context} and {@code payload} for a tap
	 * @param tapped for a tap, the kind of button tapped (a {@link SimulatedMessage.SimulatedButton} type)
	 */
	ObjectNode message(String waId, String profileName, SimulatedMessage message, String tapped) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode value = value(body);
		ObjectNode contact = value.putArray("contacts").addObject();
		if (profileName != null) {
			contact.putObject("profile").put("name", profileName);
		}
		contact.put("wa_id", waId);
		ObjectNode sent = value.putArray("messages").addObject();
		if (message.context() != null) {
			sent.putObject("context").put("from", DISPLAY_PHONE_NUMBER).put("id", message.context());
		}
		sent.put("from", waId);
		sent.put("id", message.wamid());
		sent.put("timestamp", seconds(message.at()));
		sent.put("type", message.type());
		switch (message.type()) {
			case BUTTON -> sent.putObject(BUTTON).put("payload", message.payload()).put("text", message.text());
			case INTERACTIVE -> {
				String kind = SimulatedMessage.SimulatedButton.LIST_ROW.equals(tapped) ? "list_reply" : "button_reply";
				sent.putObject(INTERACTIVE)
					.put("type", kind)
					.putObject(kind)
					.put("id", message.payload())
					.put("title", message.text());
			}
			default -> sent.putObject(SendRequestReader.TEXT).put("body", message.text());
		}
		return body;
	}

	/**
	 * A delivery status of one of Mora's messages: {@code status-sent.json}, {@code status-delivered.json} or
	 * {@code status-read.json}.
	 * @param waId the recipient's WhatsApp id, digits only
	 */
	ObjectNode status(String waId, SimulatedMessage message, String status, Instant at) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode reported = value(body).putArray("statuses").addObject();
		reported.put("id", message.wamid());
		reported.put("status", status);
		reported.put("timestamp", seconds(at));
		reported.put("recipient_id", waId);
		if (message.callbackData() != null) {
			reported.put("biz_opaque_callback_data", message.callbackData());
		}
		// Per-message pricing: Mora's templates are utility ones; free-form messages answer the debtor inside the
		// customer service window, which is free.
		boolean template = SendRequestReader.TEMPLATE.equals(message.type());
		reported.putObject("pricing")
			.put("billable", template)
			.put("pricing_model", "PMP")
			.put("category", template ? "utility" : "service");
		return body;
	}

	private ObjectNode value(ObjectNode body) {
		body.put("object", "whatsapp_business_account");
		ObjectNode entry = body.putArray("entry").addObject();
		entry.put("id", BUSINESS_ACCOUNT_ID);
		ObjectNode change = entry.putArray("changes").addObject();
		change.put("field", "messages");
		ObjectNode value = change.putObject("value");
		value.put("messaging_product", "whatsapp");
		value.putObject("metadata")
			.put("display_phone_number", DISPLAY_PHONE_NUMBER)
			.put("phone_number_id", this.phoneNumberId);
		return value;
	}

	/** Meta's timestamps are epoch seconds, as strings. */
	private static String seconds(Instant at) {
		return Long.toString(at.getEpochSecond());
	}

}
