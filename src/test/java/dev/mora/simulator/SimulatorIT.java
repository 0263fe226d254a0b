package dev.mora.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.payment.PaymentLinkService;
import dev.mora.testing.Fixtures;
import dev.mora.whatsapp.OutboundMessage;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.TemplateMessage;
import dev.mora.whatsapp.WhatsAppClient;
import dev.mora.whatsapp.WhatsAppErrorKind;
import dev.mora.whatsapp.WhatsAppException;
import dev.mora.whatsapp.WhatsAppProperties;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import mockwebserver3.MockWebServer;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The embedded default: no WhatsApp account configured, so Mora's own Cloud API client sends over real HTTP to the
 * simulator inside Mora, and the chat page's JSON shows what arrived. What the simulated phones send back (statuses
 * and replies) goes to a recorder standing in for Mora's webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:simulator-it;DB_CLOSE_DELAY=-1",
				// Whatever the environment says, this test is about the default: no Meta account.
				"mora.whatsapp.api-base-url=", "mora.whatsapp.access-token=" })
class SimulatorIT {

	private static final String SEND_PATH = "/simulator/graph/v23.0/%s/messages";

	private static final WebhookRecorder recorder = new WebhookRecorder();

	private final OkHttpClient http = new OkHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	WhatsAppClient whatsAppClient;

	@Autowired
	WhatsAppProperties whatsAppProperties;

	@Autowired
	ObjectMapper json;

	@Autowired
	DebtService debts;

	@Autowired
	ReminderSender reminders;

	@Autowired
	PaymentLinkService paymentLinks;

	@Autowired
	MoraWebhook webhook;

	@Autowired
	StatusEmitter statuses;

	@Autowired
	SimulatorStore store;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@BeforeEach
	void recordWebhooks() throws InterruptedException {
		assertThat(this.statuses.awaitQueued(Duration.ofSeconds(10))).isTrue();
		recorder.reset();
		this.webhook.target(recorder.url());
	}

	@AfterEach
	void webhookOfMorasOwn() throws InterruptedException {
		assertThat(this.statuses.awaitQueued(Duration.ofSeconds(10))).isTrue();
		this.webhook.target(null);
	}

	@AfterAll
	static void closeRecorder() {
		recorder.close();
	}

	@Test
	void aTemplateSentByMorasClientShowsInTheConversation() {
		assertThat(this.whatsAppProperties.usesSimulator()).isTrue();

		String wamid = this.whatsAppClient.send(preDueReminder("mora_recordatorio_previo", "+51900000001"));

		Answer answer = get("/simulator/api/conversations/%2B51900000001");
		assertThat(answer.status()).isEqualTo(200);
		JsonNode messages = answer.json();
		assertThat(messages).hasSize(1);
		JsonNode message = messages.get(0);
		assertThat(message.path("wamid").asText()).isEqualTo(wamid).matches("wamid\\.[A-Za-z0-9_-]{40,}");
		assertThat(message.path("template").asText()).isEqualTo("mora_recordatorio_previo");
		assertThat(message.path("text").asText())
			.isEqualTo("Hola María 👋, te recordamos que tu cuota de S/ 350.00 vence el 15/12/2026. "
					+ "Puedes pagarla desde el enlace. ¡Gracias!");
		assertThat(message.path("buttons").get(0).path("type").asText()).isEqualTo("url");
		assertThat(message.path("buttons").get(0).path("text").asText()).isEqualTo("Pagar ahora");
		assertThat(message.path("buttons").get(0).path("url").asText()).isEqualTo("http://localhost:8080/pay/SIM-1");
		assertThat(message.path("buttons").get(1).path("type").asText()).isEqualTo("quick_reply");
		assertThat(message.path("buttons").get(1).path("payload").asText()).isEqualTo("REFINANCE:SIM-1");
		assertThat(message.path("callbackData").asText()).isEqualTo("SIM-1/PRE_DUE");
		// Fetching the conversation is the person opening it.
		assertThat(message.path("status").asText()).isEqualTo("read");
		assertThat(message.path("at").asText()).isNotBlank();
		assertThat(get("/simulator/api/conversations/51900000001").json()).isEqualTo(messages);

		JsonNode conversation = conversation("+51900000001");
		assertThat(conversation.path("profileName").asText()).isEqualTo("María");
		assertThat(conversation.path("messageCount").asInt()).isEqualTo(1);
		assertThat(conversation.path("lastMessageAt").asText()).isEqualTo(message.path("at").asText());
	}

	@Test
	void aPersonMakesTheSimulatorRefuseSendsToTryHowMoraHandlesThem() {
		// A working Friday morning in Lima, so that the contact policy lets the reminders go.
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-11T10:00").atZone(ZoneId.of("America/Lima"))
			.toInstant()));
		try {
			assertThat(post("/simulator/api/conversations/%2B51900000080/failures", Credentials.basic("demo", "demo"),
					"{\"code\":130429,\"times\":2}").status()).isEqualTo(202);
			assertThat(post("/simulator/api/conversations/%2B51900000081/failures", Credentials.basic("demo", "demo"),
					"{\"code\":131026}").status()).isEqualTo(202);
			Answer unknown = post("/simulator/api/conversations/%2B51900000081/failures",
					Credentials.basic("demo", "demo"), "{\"code\":12345}");
			assertThat(unknown.status()).isEqualTo(400);
			assertThat(unknown.json().path("errors").get(0).path("field").asText()).isEqualTo("code");

			String limited = registerAndFireTheFirstTimer("SIM-30", "+51900000080");
			String send = this.managementService.createJobQuery().processInstanceId(limited).singleResult().getId();
			for (int attempt = 0; attempt < 2; attempt++) {
				assertThatThrownBy(() -> this.managementService.executeJob(send)).hasMessageContaining("130429");
			}
			this.managementService.executeJob(send);
			assertThat(get("/simulator/api/conversations/%2B51900000080").json()).singleElement()
				.satisfies((message) -> assertThat(message.path("callbackData").asText()).isEqualTo("SIM-30/PRE_DUE"));

			String unreachable = registerAndFireTheFirstTimer("SIM-31", "+51900000081");
			this.managementService.executeJob(
					this.managementService.createJobQuery().processInstanceId(unreachable).singleResult().getId());
			assertThat(this.taskService.createTaskQuery().processInstanceId(unreachable).singleResult().getName())
				.startsWith("Contactar manualmente");
			assertThat(get("/simulator/api/conversations/%2B51900000081").status()).isEqualTo(404);
		}
		finally {
			ClockUtil.reset();
		}
	}

	private String registerAndFireTheFirstTimer(String debtId, String phone) {
		Answer registered = post("/api/debts", Credentials.basic("demo", "demo"), """
				{"debtId":"%s","debtor":{"id":"C-%s","name":"Rosa Mamani","phone":"%s"},
				 "amount":"120.50","currency":"PEN","dueDate":"2026-12-14"}
				""".formatted(debtId, debtId, phone));
		assertThat(registered.status()).isEqualTo(201);
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId)
			.singleResult()
			.getId();
		this.managementService.executeJob(
				this.managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
		return instance;
	}

	@Test
	void aDebtsReminderArrivesWithItsPaymentLink() {
		Answer registered = post("/api/debts", Credentials.basic("demo", "demo"), """
				{"debtId":"SIM-10","debtor":{"id":"SIM-C-10","name":"Rosa Mamani","phone":"+51900000010"},
				 "amount":"120.50","currency":"PEN","dueDate":"2030-03-15"}
				""");
		assertThat(registered.status()).isEqualTo(201);
		Debt debt = this.debts.get("SIM-10");

		OutboundMessage sent = this.reminders.send(debt, "PRE_DUE", "mora_recordatorio_previo");

		JsonNode message = get("/simulator/api/conversations/%2B51900000010").json().get(0);
		assertThat(message.path("wamid").asText()).isEqualTo(sent.wamid());
		assertThat(message.path("text").asText()).startsWith("Hola Rosa 👋").contains("S/ 120.50", "15/03/2030");
		assertThat(message.path("buttons").get(0).path("url").asText())
			.isEqualTo(this.paymentLinks.linkFor(debt).url());
		assertThat(message.path("buttons").get(1).path("payload").asText()).isEqualTo("REFINANCE:SIM-10");
		assertThat(message.path("callbackData").asText()).isEqualTo("SIM-10/PRE_DUE");
	}

	@Test
	void aSendIsReportedSentAndDeliveredThenReadWhenThePersonOpensTheConversation() throws Exception {
		String wamid = this.whatsAppClient.send(preDueReminder("mora_recordatorio_previo", "+51900000030"));

		assertThat(this.statuses.awaitQueued(Duration.ofSeconds(10))).isTrue();
		assertThat(recorder.statuses(this.whatsAppProperties.appSecret())).containsExactly(wamid + " sent",
				wamid + " delivered");
		assertThat(this.store.messages("+51900000030").orElseThrow().get(0).status()).isEqualTo("delivered");
		JsonNode delivered = WebhookRecorder.value(recorder.signedBodies(this.whatsAppProperties.appSecret()).get(1));
		assertThat(delivered.path("metadata").path("phone_number_id").asText())
			.isEqualTo(this.whatsAppProperties.phoneNumberId());
		assertThat(delivered.path("statuses").path(0).path("recipient_id").asText()).isEqualTo("51900000030");
		assertThat(delivered.path("statuses").path(0).path("biz_opaque_callback_data").asText())
			.isEqualTo("SIM-1/PRE_DUE");

		assertThat(get("/simulator/api/conversations/%2B51900000030").json().get(0).path("status").asText())
			.isEqualTo("read");
		get("/simulator/api/conversations/51900000030");

		assertThat(this.statuses.awaitQueued(Duration.ofSeconds(10))).isTrue();
		assertThat(recorder.statuses(this.whatsAppProperties.appSecret())).containsExactly(wamid + " sent",
				wamid + " delivered", wamid + " read");
	}

	@Test
	void theDebtorsRepliesReachTheWebhookAndShowInTheConversation() {
		String wamid = this.whatsAppClient.send(preDueReminder("mora_recordatorio_previo", "+51900000031"));

		Answer tap = post("/simulator/api/conversations/%2B51900000031/replies", Credentials.basic("demo", "demo"),
				"{\"buttonPayload\":\"REFINANCE:SIM-1\",\"buttonText\":\"Refinanciar\",\"contextWamid\":\"" + wamid
						+ "\"}");
		Answer text = post("/simulator/api/conversations/51900000031/replies", Credentials.basic("demo", "demo"),
				"{\"text\":\"Ya pagué ayer\"}");

		assertThat(tap.status()).isEqualTo(200);
		assertThat(tap.json().path("webhookStatus").asInt()).isEqualTo(200);
		assertThat(text.status()).isEqualTo(200);
		List<JsonNode> messages = recorder.messages(this.whatsAppProperties.appSecret());
		assertThat(messages).hasSize(2);
		assertThat(messages.get(0).path("id").asText()).isEqualTo(tap.json().path("wamid").asText());
		assertThat(messages.get(0).path("type").asText()).isEqualTo("button");
		assertThat(messages.get(0).path("button").path("payload").asText()).isEqualTo("REFINANCE:SIM-1");
		assertThat(messages.get(0).path("context").path("id").asText()).isEqualTo(wamid);
		assertThat(messages.get(1).path("id").asText()).isEqualTo(text.json().path("wamid").asText());
		assertThat(messages.get(1).path("text").path("body").asText()).isEqualTo("Ya pagué ayer");
		JsonNode conversation = get("/simulator/api/conversations/%2B51900000031").json();
		assertThat(conversation).hasSize(3);
		assertThat(conversation.get(1).path("direction").asText()).isEqualTo("INBOUND");
		assertThat(conversation.get(1).path("text").asText()).isEqualTo("Refinanciar");
		assertThat(conversation.get(1).path("context").asText()).isEqualTo(wamid);
		assertThat(conversation.get(1).has("status")).isFalse();
		assertThat(conversation.get(2).path("text").asText()).isEqualTo("Ya pagué ayer");
	}

	@Test
	void aReplyAnswersWhatMorasWebhookAnswered() throws Exception {
		this.whatsAppClient.send(preDueReminder("mora_recordatorio_previo", "+51900000032"));
		assertThat(this.statuses.awaitQueued(Duration.ofSeconds(10))).isTrue();
		String path = "/simulator/api/conversations/%2B51900000032/replies";
		recorder.answerNext(401);

		Answer refused = post(path, Credentials.basic("demo", "demo"), "{\"text\":\"Hola\"}");

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.wwwAuthenticate()).isNull();
		assertThat(refused.json().path("webhookStatus").asInt()).isEqualTo(401);
		assertThat(refused.json().path("wamid").asText()).startsWith("wamid.");

		MockWebServer gone = new MockWebServer();
		gone.start(0);
		this.webhook.target(gone.url(MoraWebhook.PATH));
		gone.close();
		Answer unreachable = post(path, Credentials.basic("demo", "demo"), "{\"text\":\"¿Hola?\"}");

		assertThat(unreachable.status()).isEqualTo(502);
		assertThat(unreachable.json().path("title").asText()).isEqualTo("Mora's webhook cannot be reached");
		assertThat(unreachable.body()).doesNotContain("Exception", "\tat ");
		assertThat(get("/simulator/api/conversations/%2B51900000032").json()).hasSize(3);
	}

	@Test
	void repliesThePhoneCouldNotSendAreProblems() {
		this.whatsAppClient.send(preDueReminder("mora_recordatorio_previo", "+51900000033"));
		String path = "/simulator/api/conversations/%2B51900000033/replies";
		String demo = Credentials.basic("demo", "demo");

		Answer noConversation = post("/simulator/api/conversations/%2B51900000099/replies", demo,
				"{\"text\":\"Hola\"}");
		Answer noButton = post(path, demo, "{\"buttonPayload\":\"PAY:SIM-1\",\"contextWamid\":\"wamid.nope\"}");
		Answer notJson = post(path, demo, "{text");

		assertThat(noConversation.status()).isEqualTo(404);
		assertThat(noConversation.contentType()).startsWith("application/problem+json");
		assertThat(noButton.status()).isEqualTo(400);
		assertThat(noButton.json().path("detail").asText()).contains("wamid.nope");
		assertThat(notJson.status()).isEqualTo(400);
		assertThat(notJson.body()).doesNotContain("Exception");
		assertThat(get("/simulator/api/conversations/%2B51900000033").json()).hasSize(1);
	}

	@Test
	void theWebhookIsMorasOwnByDefault() throws IOException {
		this.webhook.target(null);

		assertThat(this.webhook.url()).isEqualTo(HttpUrl.get("http://localhost:" + this.port + "/webhooks/whatsapp"));
	}

	@Test
	void answersASendExactlyAsTheCloudApiDoes() {
		String request = Fixtures.whatsApp("send-template-request.json");
		JsonNode expected = tree(Fixtures.whatsApp("send-response-200.json"));

		Answer first = send(this.whatsAppProperties.phoneNumberId(), "Bearer simulator", request);
		Answer second = send(this.whatsAppProperties.phoneNumberId(), "Bearer simulator", request);

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.contentType()).startsWith("application/json");
		String wamid = first.json().path("messages").path(0).path("id").asText();
		assertThat(wamid).startsWith("wamid.")
			.isNotEqualTo(second.json().path("messages").path(0).path("id").asText());
		ObjectNode answer = (ObjectNode) first.json();
		((ObjectNode) answer.path("messages").path(0)).put("id", expected.path("messages").path(0).path("id").asText());
		assertThat(answer).isEqualTo(expected);
	}

	@Test
	void aWrongBearerTokenIsRefusedAsMetaRefusesIt() {
		String request = Fixtures.whatsApp("send-template-request.json");

		for (String authorization : new String[] { "Bearer stolen", "Basic " + "ZGVtbzpkZW1v", null }) {
			Answer answer = send(this.whatsAppProperties.phoneNumberId(), authorization, request);
			assertThat(answer.status()).isEqualTo(401);
			assertThat(answer.json().path("error").path("type").asText()).isEqualTo("OAuthException");
			assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(190);
		}
		WhatsAppClient stolen = new WhatsAppClient(this.http, this.json, () -> HttpUrl.get(url("/simulator/graph")),
				this.whatsAppProperties.apiVersion(), this.whatsAppProperties.phoneNumberId(), "stolen");
		assertThatThrownBy(() -> stolen.send(preDueReminder("mora_recordatorio_previo", "+51900000004")))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(190);
				assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.ACCOUNT);
			});
		assertThat(get("/simulator/api/conversations/%2B51900000004").status()).isEqualTo(404);
	}

	@Test
	void anUnknownTemplateIsMetasError132001() {
		assertThatThrownBy(() -> this.whatsAppClient.send(preDueReminder("no_such_template", "+51900000002")))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> {
				assertThat(ex.code()).isEqualTo(132001);
				assertThat(ex.kind()).isEqualTo(WhatsAppErrorKind.PERMANENT);
			});

		Answer answer = send(this.whatsAppProperties.phoneNumberId(), "Bearer simulator",
				Fixtures.whatsApp("send-template-request.json").replace("mora_recordatorio_previo", "no_such_template"));
		assertThat(answer.status()).isEqualTo(404);
		JsonNode error = answer.json().path("error");
		assertThat(error.path("message").asText()).isEqualTo("(#132001) Template name does not exist in the translation");
		assertThat(error.path("type").asText()).isEqualTo("OAuthException");
		assertThat(error.path("error_data").path("details").asText())
			.isEqualTo("template name (no_such_template) does not exist in es");
		assertThat(error.path("fbtrace_id").asText()).isNotBlank();
		assertThat(get("/simulator/api/conversations/%2B51900000002").status()).isEqualTo(404);
	}

	@Test
	void parametersOtherThanTheTemplatesAreMetasError132000() {
		TemplateMessage missing = new TemplateMessage("+51900000003", "mora_recordatorio_previo", "es",
				List.of(new TemplateMessage.Parameter("nombre", "María")), "SIM-1", List.of("REFINANCE:SIM-1"), null);

		assertThatThrownBy(() -> this.whatsAppClient.send(missing))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> assertThat(ex.code()).isEqualTo(132000));
	}

	@Test
	void anotherPhoneNumberIdIsNotThisAccounts() {
		Answer answer = send("999999999999999", "Bearer simulator", Fixtures.whatsApp("send-template-request.json"));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("error").path("code").asInt()).isEqualTo(100);
		assertThat(answer.json().path("error").path("type").asText()).isEqualTo("GraphMethodException");
	}

	@Test
	void thePageAndItsDataNeedALogin() {
		for (String path : new String[] { "/simulator", "/simulator/api", "/simulator/api/conversations",
				"/simulator/api/conversations/%2B51900000001",
				"/simulator/api/conversations/%2B51900000001/replies" }) {
			Answer anonymous = call(new Request.Builder().url(url(path)).get().build());
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.wwwAuthenticate()).as(path).startsWith("Basic");
			// An unknown user, not demo with a wrong password: the engine would lock demo for the other tests.
			Answer stranger = call(new Request.Builder().url(url(path))
				.header("Authorization", Credentials.basic("stranger", "demo"))
				.get()
				.build());
			assertThat(stranger.status()).as(path).isEqualTo(401);
		}
		Answer page = get("/simulator");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.contentType()).startsWith("text/html");
		assertThat(page.body()).contains("Simulador de WhatsApp", "/simulator/api/conversations");
		assertThat(get("/simulator/api/conversations").status()).isEqualTo(200);
	}

	@Test
	void thePageIsServedOnlyBehindTheLogin() {
		for (String path : new String[] { "/simulator/", "/simulator/index.html", "/simulator/index.html/",
				"/Simulator" }) {
			Answer anonymous = call(new Request.Builder().url(url(path)).get().build());
			assertThat(anonymous.status()).as(path).isNotEqualTo(200);
			assertThat(anonymous.body()).as(path).doesNotContain("Simulador de WhatsApp");
		}
	}

	private static TemplateMessage preDueReminder(String template, String phone) {
		return new TemplateMessage(phone, template, "es",
				List.of(new TemplateMessage.Parameter("nombre", "María"),
						new TemplateMessage.Parameter("monto", "S/ 350.00"),
						new TemplateMessage.Parameter("vencimiento", "15/12/2026")),
				"SIM-1", List.of("REFINANCE:SIM-1"), "SIM-1/PRE_DUE");
	}

	private JsonNode conversation(String phone) {
		for (JsonNode conversation : get("/simulator/api/conversations").json()) {
			if (conversation.path("phone").asText().equals(phone)) {
				return conversation;
			}
		}
		throw new AssertionError("No conversation with " + phone);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private Answer get(String path) {
		return call(new Request.Builder().url(url(path))
			.header("Authorization", Credentials.basic("demo", "demo"))
			.get()
			.build());
	}

	private Answer post(String path, String authorization, String body) {
		Request.Builder request = new Request.Builder().url(url(path))
			.post(RequestBody.create(body, MediaType.get("application/json")));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return call(request.build());
	}

	private Answer send(String phoneNumberId, String authorization, String body) {
		return post(SEND_PATH.formatted(phoneNumberId), authorization, body);
	}

	private Answer call(Request request) {
		try (Response response = this.http.newCall(request).execute()) {
			return new Answer(response.code(), response.header("Content-Type"),
					response.header("WWW-Authenticate"), response.body().string());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode tree(String text) {
		try {
			return this.json.readTree(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Answer(int status, String contentType, String wwwAuthenticate, String body) {

		JsonNode json() {
			try {
				return new ObjectMapper().readTree(this.body);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
