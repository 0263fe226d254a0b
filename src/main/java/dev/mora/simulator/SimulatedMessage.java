package dev.mora.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A message in a simulated conversation, as the debtor's phone shows it.
 *
 * @param wamid the WhatsApp message id
 * @param at when it was sent
 * @param direction who sent it: Mora ({@code OUTBOUND}) or the debtor ({@code INBOUND})
 * @param type the Cloud API message type: {@code template}, {@code text} or {@code interactive} from Mora;
 * {@code text}, {@code button} (a template's quick reply) or {@code interactive} (a reply button or list row) from
 * the debtor
 * @param template the template's name, for template messages
 * @param text the text with its parameters filled in; for a tapped button, the button's text
 * @param buttons the buttons under it, in order
 * @param callbackData the {@code biz_opaque_callback_data} it carried
 * @param status Mora's messages: {@code sent}, {@code delivered}, {@code read} or {@code failed}; null for the
 * debtor's
 * @param context the wamid of the message a tapped button belongs to, or null
 * @param payload the payload (or reply id) of a tapped button, or null
 */
record SimulatedMessage(String wamid, Instant at, Direction direction, String type, String template, String text,
		List<SimulatedButton> buttons, String callbackData, String status, String context, String payload) {

	static final String SENT = "sent";

	static final String DELIVERED = "delivered";

	static final String READ = "read";

	/** The order a message's delivery status moves in; it never moves back. */
	private static final List<String> PROGRESS = List.of(SENT, DELIVERED, READ);

	SimulatedMessage {
		buttons = List.copyOf(buttons);
	}

	/** One of Mora's messages, just accepted. */
	static SimulatedMessage outbound(String wamid, Instant at, String type, String template, String text,
			List<SimulatedButton> buttons, String callbackData) {
		return new SimulatedMessage(wamid, at, Direction.OUTBOUND, type, template, text, buttons, callbackData, SENT,
				null, null);
	}

	/** The debtor's free text. */
	static SimulatedMessage inboundText(String wamid, Instant at, String text) {
		return new SimulatedMessage(wamid, at, Direction.INBOUND, SendRequestReader.TEXT, null, text, List.of(), null,
				null, null, null);
	}

	/**
	 * The debtor's tap on a button of one of Mora's messages.
	 * @param type {@code button} for a template's quick reply, {@code interactive} for a reply button or list row
	 */
	static SimulatedMessage inboundTap(String wamid, Instant at, String type, String text, String context,
			String payload) {
		return new SimulatedMessage(wamid, at, Direction.INBOUND, type, null, text, List.of(), null, null, context,
				payload);
	}

	boolean isOutbound() {
		return this.direction == Direction.OUTBOUND;
	}

	/** Whether {@code next} moves this message's status forward (sent → delivered → read). */
	boolean movesForwardTo(String next) {
		if (!isOutbound() || this.status == null || next == null) {
			return false;
		}
		int now = PROGRESS.indexOf(this.status);
		return now >= 0 && PROGRESS.indexOf(next) > now;
	}

	SimulatedMessage withStatus(String next) {
		return new SimulatedMessage(this.wamid, this.at, this.direction, this.type, this.template, this.text,
				this.buttons, this.callbackData, next, this.context, this.payload);
	}

	enum Direction {

		OUTBOUND, INBOUND

	}

	/**
	 * A button: {@code url} (with its whole link), {@code quick_reply} (a template's, or an interactive message's
	 * reply button) or {@code list_row} (a row of an interactive list), the last two with the payload (or reply id) a
	 * tap sends back.
	 */
	record SimulatedButton(String type, String text, String url, String payload) {

		static final String URL = "url";

		static final String QUICK_REPLY = "quick_reply";

		static final String LIST_ROW = "list_row";

		static SimulatedButton link(String text, String url) {
			return new SimulatedButton(URL, text, url, null);
		}

		static SimulatedButton quickReply(String text, String payload) {
			return new SimulatedButton(QUICK_REPLY, text, null, payload);
		}

		static SimulatedButton listRow(String text, String payload) {
			return new SimulatedButton(LIST_ROW, text, null, payload);
		}

		boolean isTappable() {
			return !URL.equals(this.type);
		}

	}

}
