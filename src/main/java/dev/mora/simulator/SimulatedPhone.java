package dev.mora.simulator;

import java.io.IOException;
import java.time.Clock;

import dev.mora.simulator.SimulatedMessage.SimulatedButton;
import dev.mora.whatsapp.MessageFormats;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * A debtor's phone answering Mora: the reply shows in the conversation, then goes to Mora's webhook exactly as Meta
 * would post it. Like a real phone, it can tap only the buttons of messages it has.
 */
@Service
class SimulatedPhone {

	/** WhatsApp's limit for a text message. */
	static final int MAX_TEXT = 4096;

	private static final Logger logger = LoggerFactory.getLogger(SimulatedPhone.class);

	private final SimulatorStore store;

	private final WebhookBodies bodies;

	private final MoraWebhook webhook;

	private final Clock clock;

	SimulatedPhone(SimulatorStore store, WebhookBodies bodies, MoraWebhook webhook, Clock clock) {
		this.store = store;
		this.bodies = bodies;
		this.webhook = webhook;
		this.clock = clock;
	}

	/**
	 * Sends the debtor's reply from the phone's conversation.
	 * @throws ReplyRefused when the phone has no conversation, or the reply is not one the phone could send
	 */
	Reply reply(String phone, ReplyRequest request) {
		SimulatorStore.ConversationSummary conversation = this.store.conversation(phone)
			.orElseThrow(() -> ReplyRefused.noConversation(SimulatorStore.phoneKey(phone)));
		String waId = conversation.phone().substring(1);
		SimulatedMessage message;
		String tapped = null;
		if (request.isTap()) {
			if (request.text() != null) {
				throw ReplyRefused.invalid("Either text or buttonPayload, not both");
			}
			SimulatedMessage original = tappedMessage(conversation.phone(), request);
			SimulatedButton button = tappedButton(original, request);
			tapped = button.type();
			// A template's quick reply comes back as a button message; an interactive message's as interactive.
			String type = SendRequestReader.TEMPLATE.equals(original.type()) ? WebhookBodies.BUTTON
					: WebhookBodies.INTERACTIVE;
			message = SimulatedMessage.inboundTap(Ids.wamid(), this.clock.instant(), type, button.text(),
					original.wamid(), button.payload());
		}
		else {
			message = SimulatedMessage.inboundText(Ids.wamid(), this.clock.instant(), text(request.text()));
		}
		this.store.add(conversation.phone(), null, message);
		try {
			int status = this.webhook.post(this.bodies.message(waId, conversation.profileName(), message, tapped));
			logger.debug("Mora's webhook answered {} to {}'s reply {}", status, MessageFormats.maskPhone(waId),
					message.wamid());
			return new Reply(message, status, null);
		}
		catch (IOException | RuntimeException ex) {
			logger.info("The reply of {} did not reach Mora's webhook: {}", MessageFormats.maskPhone(waId),
					ex.getMessage());
			return new Reply(message, 0, String.valueOf(ex.getMessage()));
		}
	}

	private static String text(String text) {
		if (text == null || text.isBlank()) {
			throw ReplyRefused.invalid("Give a text, or a buttonPayload with its contextWamid");
		}
		if (text.length() > MAX_TEXT) {
			throw ReplyRefused.invalid("A text has at most " + MAX_TEXT + " characters");
		}
		return text.strip();
	}

	private SimulatedMessage tappedMessage(String phone, ReplyRequest request) {
		if (request.contextWamid() == null || request.contextWamid().isBlank()) {
			throw ReplyRefused.invalid("A tap needs contextWamid: the wamid of the message whose button was tapped");
		}
		return this.store.message(phone, request.contextWamid())
			.filter(SimulatedMessage::isOutbound)
			.orElseThrow(() -> ReplyRefused.invalid(
					"contextWamid " + request.contextWamid() + " is not a message of Mora's in this conversation"));
	}

	private static SimulatedButton tappedButton(SimulatedMessage message, ReplyRequest request) {
		SimulatedButton button = message.buttons().stream()
			.filter((candidate) -> candidate.isTappable() && request.buttonPayload().equals(candidate.payload()))
			.findFirst()
			.orElseThrow(() -> ReplyRefused.invalid("Message " + message.wamid() + " has no reply button with payload "
					+ request.buttonPayload()));
		if (request.buttonText() != null && !request.buttonText().equals(button.text())) {
			throw ReplyRefused.invalid("The button with payload " + request.buttonPayload() + " reads '"
					+ button.text() + "', not '" + request.buttonText() + "'");
		}
		return button;
	}

	/**
	 * A reply as sent.
	 *
	 * @param message the debtor's message, as the conversation shows it
	 * @param webhookStatus the HTTP status Mora's webhook answered; 0 if it could not be reached
	 * @param failure why the webhook could not be reached, or null
	 */
	record Reply(SimulatedMessage message, int webhookStatus, String failure) {

		boolean reached() {
			return this.webhookStatus != 0;
		}

	}

}
