package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.whatsapp.WhatsAppProperties;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mora's own WhatsApp webhook, as Meta calls it: a POST of the JSON body, signed with the app secret in
 * {@code X-Hub-Signature-256} over the exact bytes sent. It is found on the port Mora's web server listens on.
 */
@Component
class MoraWebhook {

	static final String PATH = "/webhooks/whatsapp";

	static final String SIGNATURE = "X-Hub-Signature-256";

	/** Meta's webhook requests carry this user agent. */
	private static final String USER_AGENT = "facebookexternalua";

	private static final MediaType JSON = MediaType.get("application/json");

	private static final Logger logger = LoggerFactory.getLogger(MoraWebhook.class);

	private final OkHttpClient http;

	private final ObjectMapper json;

	private final String appSecret;

	private final AtomicInteger localPort = new AtomicInteger();

	/** Another webhook than Mora's own, for tests that record what the simulator sends; null: Mora's own. */
	private volatile HttpUrl target;

	@Autowired
	MoraWebhook(@Qualifier("whatsAppHttpClient") OkHttpClient http, ObjectMapper json, WhatsAppProperties whatsApp) {
		this(http, json, whatsApp.appSecret());
	}

	MoraWebhook(OkHttpClient http, ObjectMapper json, String appSecret) {
		this.http = http;
		this.json = json;
		this.appSecret = appSecret;
	}

	@EventListener
	void webServerStarted(WebServerInitializedEvent event) {
		// A separate management server has its own namespace; the webhook is on the application's port.
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.localPort.set(event.getWebServer().getPort());
		}
	}

	/** Sends to this URL instead of Mora's own webhook; null sends to Mora's own again. */
	void target(HttpUrl url) {
		this.target = url;
	}

	HttpUrl url() throws IOException {
		HttpUrl url = this.target;
		if (url != null) {
			return url;
		}
		int port = this.localPort.get();
		if (port == 0) {
			throw new IOException("Mora's web server is not listening yet");
		}
		return HttpUrl.get("http://localhost:" + port + PATH);
	}

	/**
	 * Posts the body, signed.
	 * @return the webhook's HTTP status
	 * @throws IOException when the webhook cannot be reached or does not answer in time
	 */
	int post(ObjectNode body) throws IOException {
		byte[] bytes = bytes(body);
		Request.Builder request = new Request.Builder().url(url())
			.header("User-Agent", USER_AGENT)
			.post(RequestBody.create(bytes, JSON));
		if (this.appSecret != null && !this.appSecret.isEmpty()) {
			request.header(SIGNATURE, signature(this.appSecret, bytes));
		}
		else {
			logger.warn("No mora.whatsapp.app-secret: the simulator's webhook goes unsigned and Mora will refuse it");
		}
		try (Response response = this.http.newCall(request.build()).execute()) {
			return response.code();
		}
	}

	/** {@code sha256=} and the hex HMAC-SHA256 of the bytes with the app secret, as Meta signs. */
	static String signature(String appSecret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(appSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	private byte[] bytes(ObjectNode body) {
		try {
			return this.json.writeValueAsBytes(body);
		}
		catch (JsonProcessingException ex) {
			throw new IllegalStateException("A webhook body cannot be written", ex);
		}
	}

}
