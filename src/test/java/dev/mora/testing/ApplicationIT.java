package dev.mora.testing;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import mockwebserver3.MockWebServer;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port with a real H2 database, called over real HTTP. WhatsApp is a real HTTP
 * server that records what it receives. Jobs run by hand (job executor off) with time moved on the engine's clock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:mora-it;DB_CLOSE_DELAY=-1",
				"mora.payments.mercado-pago.webhook-secret=" + ApplicationIT.MERCADO_PAGO_SECRET,
				"mora.payments.mercado-pago.access-token=TEST-token" })
// Metrics as in production: Spring Boot's tests switch their export off otherwise.
@AutoConfigureObservability
public abstract class ApplicationIT {

	protected static final String USER = "demo";

	protected static final String PASSWORD = "demo";

	protected static final CloudApiServer whatsApp = new CloudApiServer();

	protected static final String MERCADO_PAGO_SECRET = "test-mercadopago-secret";

	/** Mercado Pago's API, answering what each test enqueues. */
	protected static final MockWebServer mercadoPago = startMercadoPago();

	private static final ObjectMapper JSON = new ObjectMapper();

	protected final OkHttpClient http = new OkHttpClient();

	@LocalServerPort
	protected int port;

	@DynamicPropertySource
	static void whatsAppServer(DynamicPropertyRegistry registry) {
		registry.add("mora.whatsapp.api-base-url", whatsApp::baseUrl);
		registry.add("mora.payments.mercado-pago.api-base-url", () -> mercadoPago.url("/").toString());
	}


	@BeforeEach
	void resetWhatsApp() {
		whatsApp.reset();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	private static MockWebServer startMercadoPago() {
		MockWebServer server = new MockWebServer();
		try {
			server.start(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return server;
	}

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	protected Answer get(String path) {
		return call(new Request.Builder().url(url(path)).header("Authorization", Credentials.basic(USER, PASSWORD))
			.get()
			.build());
	}

	protected Answer post(String path, String contentType, String body) {
		return call(new Request.Builder().url(url(path))
			.header("Authorization", Credentials.basic(USER, PASSWORD))
			.post(RequestBody.create(body, MediaType.get(contentType)))
			.build());
	}

	protected Answer postJson(String path, String body) {
		return post(path, "application/json", body);
	}

	/**
	 * A call as another Camunda user, whose password is its id (as the demo users' are).
	 * @param body JSON, or null for none
	 */
	protected Answer callAs(String user, String method, String path, String body) {
		RequestBody requestBody = (body != null) ? RequestBody.create(body, MediaType.get("application/json"))
				: (method.equals("GET") || method.equals("DELETE")) ? null : RequestBody.create(new byte[0]);
		return call(new Request.Builder().url(url(path))
			.header("Authorization", Credentials.basic(user, user))
			.method(method, requestBody)
			.build());
	}

	protected Answer call(Request request) {
		try (Response response = this.http.newCall(request).execute()) {
			String text = response.body().string();
			return new Answer(response.code(), response.header("Content-Type"), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** An HTTP answer: status, content type and body. */
	public record Answer(int status, String contentType, String body) {

		public JsonNode json() {
			try {
				return JSON.readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
