package dev.mora.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A message in a simulated conversation, as the debtor's phone shows it.
 *
 * @param wamid the WhatsApp message id
 * @param at when it was sent
 * @param direction who sent it: Mora ({@code OUTBOUND}) or the debtor ({@code INBOUND})
 * @param type the Cloud API message type: {@code template}, {@code text} or {@code interactive}
 * @param template the template's name, for template messages
 * @param text the text with its parameters filled in
 * @param buttons the buttons under it, in order
 * @param callbackData the {@code biz_opaque_callback_data} it carried
 * @param status {@code sent}, {@code delivered}, {@code read} or {@code failed}
 */
record SimulatedMessage(String wamid, Instant at, Direction direction, String type, String template, String text,
		List<SimulatedButton> buttons, String callbackData, String status) {

	static final String SENT = "sent";

	SimulatedMessage {
		buttons = List.copyOf(buttons);
	}

	enum Direction {

		OUTBOUND, INBOUND

	}

	/**
	 * A button: {@code url} (with its whole link) or {@code quick_reply} (with the payload a tap sends back).
	 */
	record SimulatedButton(String type, String text, String url, String payload) {

		static final String URL = "url";

		static final String QUICK_REPLY = "quick_reply";

		static SimulatedButton link(String text, String url) {
			return new SimulatedButton(URL, text, url, null);
		}

		static SimulatedButton quickReply(String text, String payload) {
			return new SimulatedButton(QUICK_REPLY, text, null, payload);
		}

	}

}
