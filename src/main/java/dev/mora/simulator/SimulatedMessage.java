package dev.mora.simulator;

import java.time.Instant;
import java.util.List;

/**
 * A message in a simulated conversation: sent by Mora ({@code OUTBOUND}) or by the debtor ({@code INBOUND}).
 *
 * @param wamid the WhatsApp message id
 * @param at when it was sent
 * @param direction who sent it
 * @param template the template's name, for template messages
 * @param text the text as the debtor's phone shows it
 * @param buttons the buttons under it
 * @param callbackData the {@code biz_opaque_callback_data} it carried
 * @param status {@code sent}, {@code delivered} or {@code read}
 */
record SimulatedMessage(String wamid, Instant at, Direction direction, String template, String text,
		List<SimulatedButton> buttons, String callbackData, String status) {

	enum Direction {

		OUTBOUND, INBOUND

	}

	/** A button: {@code url} (with its whole link) or {@code quick_reply} (with its payload). */
	record SimulatedButton(String type, String text, String url, String payload) {
	}

}
