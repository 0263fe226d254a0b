package dev.mora.whatsapp;

import java.util.List;

/**
 * A template message to send: named body parameters, an optional URL button suffix and quick-reply payloads.
 *
 * @param to the recipient, E.164 with or without '+'
 * @param template the approved template's name
 * @param language the template's language code
 * @param bodyParameters the named body parameters, in order
 * @param urlButtonSuffix the variable part of the URL button (index 0), or null
 * @param quickReplyPayloads the payloads of the quick-reply buttons that follow it
 * @param callbackData echoed back in status webhooks as {@code biz_opaque_callback_data}
 */
public record TemplateMessage(String to, String template, String language, List<Parameter> bodyParameters,
		String urlButtonSuffix, List<String> quickReplyPayloads, String callbackData) {

	public record Parameter(String name, String text) {
	}

}
