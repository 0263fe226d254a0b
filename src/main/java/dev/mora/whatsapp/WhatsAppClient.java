package dev.mora.whatsapp;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Sends messages through the WhatsApp Cloud API: {@code POST {base}/{version}/{phone-number-id}/messages}.
 * Failures become {@link WhatsAppException}s classified by Meta's error code.
 */
public class WhatsAppClient {

	private static final MediaType JSON = MediaType.get("application/json");

	private final OkHttpClient http;

	private final ObjectMapper json;

	private final Supplier<HttpUrl> baseUrl;

	private final String apiVersion;

	private final String phoneNumberId;

	private final String token;

	private final SendThrottle throttle;

	private final SendingSwitch sendingSwitch;

	public WhatsAppClient(OkHttpClient http, ObjectMapper json, Supplier<HttpUrl> baseUrl, String apiVersion,
			String phoneNumberId, String token) {
		this(http, json, baseUrl, apiVersion, phoneNumberId, token, null, null);
	}

	WhatsAppClient(OkHttpClient http, ObjectMapper json, Supplier<HttpUrl> baseUrl, String apiVersion,
			String phoneNumberId, String token, SendThrottle throttle, SendingSwitch sendingSwitch) {
		this.throttle = throttle;
		this.sendingSwitch = sendingSwitch;
		this.http = http;
		this.json = json;
		this.baseUrl = baseUrl;
		this.apiVersion = apiVersion;
		this.phoneNumberId = phoneNumberId;
		this.token = token;
	}

	/** Sends a template message and answers its WhatsApp message id ({@code wamid}). */
	public String send(TemplateMessage message) {
		return post(templateBody(message));
	}

	/**
	 * Sends a free-form text message. WhatsApp delivers it only inside the 24-hour window that the debtor's last
	 * message opened; outside it, send a template.
	 */
	public String sendText(String to, String text, String callbackData) {
		ObjectNode body = this.json.createObjectNode();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", to.startsWith("+") ? to.substring(1) : to);
		body.put("type", "text");
		if (callbackData != null) {
			body.put("biz_opaque_callback_data", callbackData);
		}
		body.putObject("text").put("preview_url", true).put("body", text);
		return post(body);
	}

	ObjectNode templateBody(TemplateMessage message) {
		ObjectNode body = this.json.createObjectNode();
		body.put("messaging_product", "whatsapp");
		body.put("recipient_type", "individual");
		body.put("to", message.to().startsWith("+") ? message.to().substring(1) : message.to());
		body.put("type", "template");
		if (message.callbackData() != null) {
			body.put("biz_opaque_callback_data", message.callbackData());
		}
		ObjectNode template = body.putObject("template");
		template.put("name", message.template());
		template.putObject("language").put("code", message.language());
		ArrayNode components = template.putArray("components");
		ObjectNode bodyComponent = components.addObject();
		bodyComponent.put("type", "body");
		ArrayNode parameters = bodyComponent.putArray("parameters");
		for (TemplateMessage.Parameter parameter : message.bodyParameters()) {
			parameters.addObject().put("type", "text").put("parameter_name", parameter.name()).put("text", parameter.text());
		}
		int index = 0;
		if (message.urlButtonSuffix() != null) {
			ObjectNode button = components.addObject();
			button.put("type", "button").put("sub_type", "url").put("index", String.valueOf(index++));
			button.putArray("parameters").addObject().put("type", "text").put("text", message.urlButtonSuffix());
		}
		for (String payload : message.quickReplyPayloads()) {
			ObjectNode button = components.addObject();
			button.put("type", "button").put("sub_type", "quick_reply").put("index", String.valueOf(index++));
			button.putArray("parameters").addObject().put("type", "payload").put("payload", payload);
		}
		return body;
	}

	private String post(ObjectNode body) {
		if (this.sendingSwitch != null) {
			this.sendingSwitch.checkOpen();
		}
		if (this.throttle != null) {
			this.throttle.await(body.path("to").asText());
		}
		try {
			return call(body);
		}
		catch (WhatsAppException ex) {
			if (ex.kind() == WhatsAppErrorKind.ACCOUNT && this.sendingSwitch != null) {
				this.sendingSwitch.stop(ex);
			}
			throw ex;
		}
	}

	private String call(ObjectNode body) {
		HttpUrl url = this.baseUrl.get()
			.newBuilder()
			.addPathSegment(this.apiVersion)
			.addPathSegment(this.phoneNumberId)
			.addPathSegment("messages")
			.build();
		Request request = new Request.Builder().url(url)
			.header("Authorization", "Bearer " + this.token)
			.post(RequestBody.create(body.toString(), JSON))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			String text = response.body().string();
			JsonNode answer = parse(text);
			if (response.isSuccessful()) {
				JsonNode id = answer.path("messages").path(0).path("id");
				if (!id.isTextual()) {
					throw WhatsAppException.unreachable("answer " + response.code() + " without a message id", null);
				}
				return id.asText();
			}
			JsonNode error = answer.path("error");
			if (error.path("code").isInt()) {
				return fail(error.path("code").asInt(), error.path("message").asText(""));
			}
			// No Graph error body: a proxy or an outage. 5xx and 429 are worth retrying, the rest is a bug of ours.
			throw (response.code() >= 500 || response.code() == 429)
					? WhatsAppException.unreachable("HTTP " + response.code(), null)
					: new WhatsAppException(response.code(), "HTTP " + response.code(), WhatsAppErrorKind.PERMANENT,
							null);
		}
		catch (InterruptedIOException ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.toLowerCase(java.util.Locale.ROOT).contains("connect")) {
				// No connection was made: nothing reached Meta.
				throw WhatsAppException.unreachable(message, ex);
			}
			// A read or call timeout: the request may have reached Meta, unlike a refused connection.
			throw WhatsAppException.outcomeUnknown(message, ex);
		}
		catch (IOException ex) {
			throw WhatsAppException.unreachable(ex.getMessage(), ex);
		}
	}

	private static String fail(int code, String message) {
		throw WhatsAppException.of(code, message);
	}

	private JsonNode parse(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (IOException ex) {
			return this.json.createObjectNode();
		}
	}

}
