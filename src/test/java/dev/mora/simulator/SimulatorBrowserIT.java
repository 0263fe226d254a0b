package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.OutboundMessage;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.WhatsAppProperties;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import dev.mora.testing.BrowserScripts;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The simulator page in Debian's Chromium, driven by {@code src/test/browser/simulator-two-way.mjs}: a debtor opens
 * the reminder Mora sent, taps "Refinanciar" and types an answer, and Mora's webhook (a recorder here) receives
 * exactly what Meta would post, signed. It needs Chromium and the script's node_modules, and fails without them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:simulator-browser-it;DB_CLOSE_DELAY=-1",
				// The embedded default, whatever the environment says: no Meta account.
				"mora.whatsapp.api-base-url=", "mora.whatsapp.access-token=" })
class SimulatorBrowserIT {

	private static final String SCRIPT = "simulator-two-way.mjs";

	private static final Duration QUEUE_WAIT = Duration.ofSeconds(10);

	private static final String DEBT_ID = "BROWSER-1";

	private static final String PHONE = "+51900000777";

	private static final Logger logger = LoggerFactory.getLogger(SimulatorBrowserIT.class);

	private final OkHttpClient http = new OkHttpClient();

	private final WebhookRecorder recorder = new WebhookRecorder();

	@LocalServerPort
	int port;

	@Autowired
	DebtService debts;

	@Autowired
	ReminderSender reminders;

	@Autowired
	WhatsAppProperties whatsApp;

	@Autowired
	MoraWebhook webhook;

	@Autowired
	StatusEmitter statuses;

	@BeforeEach
	void recordWebhooks() {
		this.webhook.target(this.recorder.url());
	}

	@AfterEach
	void webhookOfMorasOwn() throws InterruptedException {
		this.statuses.awaitQueued(QUEUE_WAIT);
		this.webhook.target(null);
		this.recorder.close();
	}

	@Test
	void aDebtorReadsTheReminderTapsRefinanciarAndAnswersInChromium() throws Exception {
		BrowserScripts.assertBrowserInstalled();
		assertThat(registerDebt()).as("POST /api/debts").isEqualTo(201);
		Debt debt = this.debts.get(DEBT_ID);
		OutboundMessage reminder = this.reminders.send(debt, "PRE_DUE", "mora_recordatorio_previo");
		String wamid = reminder.wamid();
		assertThat(this.statuses.awaitQueued(QUEUE_WAIT)).isTrue();
		assertThat(this.recorder.statuses(secret())).containsExactly(wamid + " sent", wamid + " delivered");

		runScript();

		assertThat(this.statuses.awaitQueued(QUEUE_WAIT)).isTrue();
		// Every post is checked for its signature as it is read.
		assertThat(this.recorder.statuses(secret())).containsExactly(wamid + " sent", wamid + " delivered",
				wamid + " read");
		for (JsonNode body : this.recorder.signedBodies(secret())) {
			JsonNode value = WebhookRecorder.value(body);
			assertThat(value.path("metadata").path("phone_number_id").asText())
				.isEqualTo(this.whatsApp.phoneNumberId());
			value.path("statuses").forEach((status) -> {
				assertThat(status.path("recipient_id").asText()).isEqualTo(PHONE.substring(1));
				assertThat(status.path("biz_opaque_callback_data").asText()).isEqualTo(DEBT_ID + "/PRE_DUE");
			});
		}
		List<JsonNode> messages = this.recorder.messages(secret());
		assertThat(messages).hasSize(2);
		JsonNode tap = messages.get(0);
		assertThat(tap.path("type").asText()).isEqualTo("button");
		assertThat(tap.path("from").asText()).isEqualTo(PHONE.substring(1));
		assertThat(tap.path("button").path("payload").asText()).isEqualTo("REFINANCE:" + DEBT_ID);
		assertThat(tap.path("button").path("text").asText()).isEqualTo("Refinanciar");
		assertThat(tap.path("context").path("id").asText()).isEqualTo(wamid);
		assertThat(tap.path("context").path("from").asText()).isEqualTo(WebhookBodies.DISPLAY_PHONE_NUMBER);
		JsonNode text = messages.get(1);
		assertThat(text.path("type").asText()).isEqualTo("text");
		assertThat(text.path("from").asText()).isEqualTo(PHONE.substring(1));
		assertThat(text.path("text").path("body").asText()).isEqualTo("pago el viernes");
		assertThat(text.path("id").asText()).startsWith("wamid.").isNotEqualTo(tap.path("id").asText());
	}

	private int registerDebt() throws IOException {
		String debt = """
				{"debtId":"%s","debtor":{"id":"BROWSER-C-1","name":"Rosa Mamani","phone":"%s"},
				 "amount":"120.50","currency":"PEN","dueDate":"2030-03-15"}
				""".formatted(DEBT_ID, PHONE);
		Request request = new Request.Builder().url("http://localhost:" + this.port + "/api/debts")
			.header("Authorization", Credentials.basic("demo", "demo"))
			.post(RequestBody.create(debt, MediaType.get("application/json")))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			return response.code();
		}
	}

	private void runScript() throws IOException, InterruptedException {
		BrowserScripts.run(SCRIPT, "http://localhost:" + this.port, PHONE, DEBT_ID, BrowserScripts.OUTPUT.toString());
	}

	private String secret() {
		return this.whatsApp.appSecret();
	}

}
