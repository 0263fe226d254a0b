package dev.mora.whatsapp;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.lifecycle.DebtLifecycle;
import dev.mora.testing.ApplicationIT;
import dev.mora.testing.Fixtures;
import dev.mora.web.Signatures;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole conversation over real HTTP: a reminder goes out, the debtor answers through Meta's webhook, Mora acts. */
class WhatsAppWebhookIT extends ApplicationIT {

	private static final String APP_SECRET = "simulator-app-secret";

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	InboundStore store;

	@Autowired
	MessageLedger ledger;

	@Autowired
	ReminderSender sender;

	@Autowired
	dev.mora.debt.DebtService debts;

	@Autowired
	InboundProcessor processor;

	@BeforeEach
	void aWorkingMorningInLima() {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-11T10:00").atZone(ZoneId.of("America/Lima"))
			.toInstant()));
	}

	@Test
	void aStoredEventIsTakenByOneProcessorAtATime() throws Exception {
		Instant now = ClockUtil.now().toInstant();
		long id = this.store.storeIfNew(new InboundEvent(0, InboundEvent.MESSAGE, "wamid.CLAIM-1", "+51900000111", "text",
				"hola", null, null, null, null, now, null), now).orElseThrow();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			List<Future<Boolean>> claims = List.of(threads.submit(() -> claimAfter(start, id, now)),
					threads.submit(() -> claimAfter(start, id, now)));
			start.countDown();
			assertThat(List.of(claims.get(0).get(), claims.get(1).get())).containsExactlyInAnyOrder(true, false);
		}
		finally {
			threads.shutdown();
		}
		assertThat(this.processor.process(id)).as("held by the winner's lease").isFalse();
		assertThat(this.store.claim(id, now.plus(InboundProcessor.LEASE), InboundProcessor.LEASE))
			.as("taken again once the lease ran out").isTrue();
	}

	private boolean claimAfter(CountDownLatch start, long id, Instant now) throws InterruptedException {
		start.await();
		return this.store.claim(id, now, InboundProcessor.LEASE);
	}

	@Test
	void verificationHandshake() {
		Answer ok = call(new Request.Builder()
			.url(url("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=simulator-verify-token&hub.challenge=1158201444"))
			.get().build());
		Answer wrong = call(new Request.Builder()
			.url(url("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444"))
			.get().build());

		assertThat(ok.status()).isEqualTo(200);
		assertThat(ok.body()).isEqualTo("1158201444");
		assertThat(wrong.status()).isEqualTo(403);
	}

	@Test
	void unsignedOrForgedWebhooksAreRefusedAndNothingIsStored() {
		long before = events();
		String body = Fixtures.whatsApp("inbound-text.json");

		Answer unsigned = call(new Request.Builder().url(url("/webhooks/whatsapp"))
			.post(RequestBody.create(body, MediaType.get("application/json"))).build());
		Answer forged = webhook(body, "not-the-secret");

		assertThat(unsigned.status()).isEqualTo(401);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(events()).isEqualTo(before);
	}

	@Test
	void theSignatureIsOverTheRawBytesAsMetaSentThemEscapedUnicodeIncluded() {
		registerAndSendReminder("WH-10", "+51911111110");
		// Meta escapes non-ASCII characters: "Ya pagué 🙏" arrives as \u00e9 and a surrogate pair.
		String escaped = text("+51911111110", "wamid.UNICODE-1", "Ya pagu\\u00e9 \\ud83d\\ude4f");
		String reserialised = escaped.replace("\\u00e9", "é").replace("\\ud83d\\ude4f", "🙏");
		byte[] raw = escaped.getBytes(StandardCharsets.UTF_8);

		// Signed over the same JSON written another way: refused, nothing stored.
		Answer other = call(new Request.Builder().url(url("/webhooks/whatsapp"))
			.header("X-Hub-Signature-256", "sha256=" + Signatures.hex(APP_SECRET,
					reserialised.getBytes(StandardCharsets.UTF_8)))
			.post(RequestBody.create(raw, MediaType.get("application/json")))
			.build());
		assertThat(other.status()).isEqualTo(401);
		assertThat(webhook(escaped, APP_SECRET).status()).isEqualTo(200);

		assertThat(get("/api/debts/WH-10").json().path("replies")).singleElement().satisfies((reply) -> {
			assertThat(reply.path("text").asText()).isEqualTo("Ya pagué 🙏");
			assertThat(reply.path("intent").asText()).isEqualTo("ALREADY_PAID");
		});
	}

	@Test
	void refinanceTappedOnTheReminderOpensOneTaskEvenWhenDeliveredThreeTimes() {
		String wamid = registerAndSendReminder("WH-1", "+51911111101");
		String tap = Fixtures.whatsApp("inbound-template-button.json")
			.replace("51987654321", "51911111101")
			.replace("REFINANCE:INV-1001", "REFINANCE:WH-1")
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI4QzU2RjVBOEQ5OEE2QjY3MEEA", wamid);

		for (int delivery = 0; delivery < 3; delivery++) {
			assertThat(webhook(tap, APP_SECRET).status()).isEqualTo(200);
		}

		List<Task> tasks = this.taskService.createTaskQuery().processInstanceBusinessKey("WH-1")
			.taskCandidateGroup(DebtLifecycle.AGENTS).list();
		assertThat(tasks).singleElement()
			.satisfies((task) -> assertThat(task.getName()).isEqualTo("Refinanciamiento – María Quispe – S/ 350.00"));
		assertThat(get("/api/debts/WH-1").json().path("replies")).singleElement()
			.satisfies((reply) -> assertThat(reply.path("intent").asText()).isEqualTo("REFINANCE"));
	}

	@Test
	void bajaStopsEveryMessageToTheNumberAfterOneConfirmation() {
		registerAndSendReminder("WH-2", "+51911111102");
		whatsApp.reset();

		assertThat(webhook(text("+51911111102", "wamid.BAJA-1", "BAJA"), APP_SECRET).status()).isEqualTo(200);
		assertThat(webhook(text("+51911111102", "wamid.BAJA-2", "baja"), APP_SECRET).status()).isEqualTo(200);

		assertThat(whatsApp.bodies()).singleElement().satisfies((body) -> {
			assertThat(body.path("type").asText()).isEqualTo("text");
			assertThat(body.path("text").path("body").asText()).contains("no te enviaremos más mensajes");
		});
		JsonNode debt = get("/api/debts/WH-2").json();
		assertThat(debt.path("debtor").path("doNotContact").asText()).startsWith("baja del número");
		assertThat(get("/api/debtors/C-51911111102/contacts").json().path("attempts"))
			.extracting((attempt) -> attempt.path("stage").asText() + ":" + attempt.path("outcome").asText())
			.containsExactly("PRE_DUE:SENT", "OPT_OUT:SENT");

		whatsApp.reset();
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-14T10:00").atZone(ZoneId.of("America/Lima"))
			.toInstant()));
		runTimerAndSend("WH-2");
		assertThat(whatsApp.requests()).isEmpty();
		assertThat(get("/api/debtors/C-51911111102/contacts").json().path("attempts").get(2).path("outcome").asText())
			.isEqualTo("BLOCKED");
	}

	@Test
	void anOptOutConfirmationRefusedOnceGoesOutWhenTheEventIsRetried() {
		registerAndSendReminder("WH-9", "+51911111109");
		whatsApp.reset();
		whatsApp.answerNext(429, "error-130429-rate-limit.json");

		assertThat(webhook(text("+51911111109", "wamid.BAJA-9", "dame de baja por favor"), APP_SECRET).status())
			.isEqualTo(200);
		assertThat(get("/api/debts/WH-9").json().path("debtor").path("doNotContact").asText()).startsWith("baja");
		ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plusSeconds(60)));
		this.processor.sweep();

		assertThat(whatsApp.bodies()).hasSize(2).allSatisfy((body) -> assertThat(body.path("text").path("body").asText())
			.contains("no te enviaremos más mensajes"));
		assertThat(get("/api/debtors/C-51911111109/contacts").json().path("attempts"))
			.extracting((attempt) -> attempt.path("stage").asText() + ":" + attempt.path("outcome").asText())
			.containsExactly("PRE_DUE:SENT", "OPT_OUT:SENT");
	}

	@Test
	void aSendWhatsAppDidNotAnswerIsNeverSentTwice() {
		// WH-11: the answer was lost, yet Meta took the message; its "sent" status says so.
		register("WH-11", "+51911111111", "2026-12-14", "350.00");
		noAnswer(this.ledger.claim("WH-11", "PRE_DUE", "mora_recordatorio_previo", "+51911111111"));
		String status = status("status-sent.json", "wamid.LOST-ANSWER-11", "+51911111111")
			.replace("INV-1001/PRE_DUE", "WH-11/PRE_DUE");
		assertThat(webhook(status, APP_SECRET).status()).isEqualTo(200);
		runTimerAndSend("WH-11");
		assertThat(whatsApp.requests()).isEmpty();
		assertThat(get("/api/debts/WH-11").json().path("messages")).singleElement().satisfies((message) -> {
			assertThat(message.path("wamid").asText()).isEqualTo("wamid.LOST-ANSWER-11");
			assertThat(message.path("status").asText()).isEqualTo("sent");
		});

		// WH-12: no status ever comes, so Meta never got it: sent again once WhatsApp stayed quiet long enough.
		register("WH-12", "+51911111112", "2026-12-14", "350.00");
		noAnswer(this.ledger.claim("WH-12", "PRE_DUE", "mora_recordatorio_previo", "+51911111112"));
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("WH-12")
			.processDefinitionKey(DebtLifecycle.KEY).singleResult().getId();
		this.managementService.executeJob(
				this.managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
		String send = this.managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
		assertThatThrownBy(() -> this.managementService.executeJob(send)).hasMessageContaining("did not answer");
		assertThat(whatsApp.requests()).isEmpty();
		ClockUtil.setCurrentTime(Date.from(ClockUtil.now().toInstant().plus(MessageLedger.UNKNOWN_OUTCOME_QUIET)
			.plusSeconds(60)));
		this.managementService.executeJob(send);
		assertThat(whatsApp.callbacksSent()).containsExactly("WH-12/PRE_DUE");
	}

	@Test
	void aStatusGivesItsWamidOnlyToTheAttemptItNamesNeverToASendInFlight() {
		register("WH-14", "+51911111114", "2026-12-14", "350.00");
		register("WH-15", "+51911111114", "2026-12-14", "120.00");
		noAnswer(this.ledger.claim("WH-14", "PRE_DUE", "mora_recordatorio_previo", "+51911111114"));
		// Another send to the same number at the same stage, in flight right now.
		this.ledger.claim("WH-15", "PRE_DUE", "mora_recordatorio_previo", "+51911111114");

		String status = status("status-sent.json", "wamid.LOST-ANSWER-14", "+51911111114")
			.replace("INV-1001/PRE_DUE", "WH-14/PRE_DUE");
		assertThat(webhook(status, APP_SECRET).status()).isEqualTo(200);

		assertThat(this.ledger.find("WH-14", "PRE_DUE").orElseThrow().wamid()).isEqualTo("wamid.LOST-ANSWER-14");
		assertThat(this.ledger.find("WH-15", "PRE_DUE").orElseThrow()).satisfies((inFlight) -> {
			assertThat(inFlight.wamid()).isNull();
			assertThat(inFlight.status()).isEqualTo(OutboundStatus.SENDING);
		});
	}

	@Test
	void anAnswerWhatsAppDidNotAcknowledgeIsNotTakenForSent() {
		register("WH-13", "+51911111113", "2026-12-14", "350.00");
		noAnswer(this.ledger.claimText("WH-13", "PAY_LINK:13", "+51911111113"));

		assertThatThrownBy(() -> this.sender.sendText(this.debts.get("WH-13"), "PAY_LINK:13", "Hola, tu enlace"))
			.isInstanceOfSatisfying(WhatsAppException.class, (ex) -> assertThat(ex.outcomeUnknown()).isTrue());
		assertThat(whatsApp.requests()).isEmpty();
	}

	/** As if the send had timed out: the ledger row waits for its status. */
	private void noAnswer(MessageLedger.Claim claim) {
		this.ledger.failed(claim.message().id(), WhatsAppException.outcomeUnknown("timeout", null));
	}

	@Test
	void statusesOnlyMoveForward() {
		String wamid = registerAndSendReminder("WH-3", "+51911111103");

		webhook(status("status-read.json", wamid, "+51911111103"), APP_SECRET);
		webhook(status("status-delivered.json", wamid, "+51911111103"), APP_SECRET);
		webhook(status("status-delivered.json", wamid, "+51911111103"), APP_SECRET);

		assertThat(get("/api/debts/WH-3").json().path("messages").get(0).path("status").asText()).isEqualTo("read");
	}

	@Test
	void aReminderReportedUndeliverableLaterStopsTheRemindersForOneManualContactTask() {
		String wamid = registerAndSendReminder("WH-7", "+51911111107");
		String failed = status("status-failed-131026.json", wamid, "+51911111107");

		assertThat(webhook(failed, APP_SECRET).status()).isEqualTo(200);
		assertThat(webhook(failed, APP_SECRET).status()).isEqualTo(200);

		assertThat(get("/api/debts/WH-7").json().path("messages").get(0).path("status").asText()).isEqualTo("failed");
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey("WH-7").list()).singleElement()
			.satisfies((task) -> {
				assertThat(task.getTaskDefinitionKey()).isEqualTo(DebtLifecycle.Elements.CONTACT_MANUALLY);
				assertThat(task.getName()).startsWith("Contactar manualmente – María Quispe");
			});
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("WH-7")
			.processDefinitionKey(DebtLifecycle.KEY).singleResult().getId();
		assertThat(this.managementService.createJobQuery().processInstanceId(instance).count())
			.as("no reminder is planned while an agent contacts the debtor").isZero();
	}

	@Test
	void aReplyToATemplateBelongsToThatTemplatesDebt() {
		registerAndSendReminder("WH-4a", "+51911111104");
		// The next working day (one message a day per debtor), another debt's reminder.
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-14T10:00").atZone(ZoneId.of("America/Lima"))
			.toInstant()));
		String second = registerAndSendReminder("WH-4b", "+51911111104", "2026-12-17", "120.00");
		String promise = text("+51911111104", "wamid.PROMISE-4", "pago el lunes")
			.replace("\"messages\":[{", "\"messages\":[{\"context\":{\"from\":\"15550783881\",\"id\":\"" + second + "\"},");

		webhook(promise, APP_SECRET);
		runJobs("WH-4b");

		assertThat(get("/api/debts/WH-4b").json().path("promisedUntil").asText()).isEqualTo("2026-12-21");
		assertThat(get("/api/debts/WH-4a").json().has("promisedUntil")).isFalse();
	}

	@Test
	void aReplyThatCouldBeAboutSeveralDebtsGoesToAnAgent() {
		registerAndSendReminder("WH-5a", "+51911111105");
		register("WH-5b", "+51911111105", "2026-12-15", "120.00");

		webhook(text("+51911111105", "wamid.AMBIGUOUS-5", "ya no tengo trabajo"), APP_SECRET);

		Task task = this.taskService.createTaskQuery().processInstanceBusinessKey("WH-5a")
			.taskDefinitionKey("UserTask_ReadReply").singleResult();
		assertThat(this.taskService.getVariable(task.getId(), "replyNote")).asString().contains("WH-5a", "WH-5b");
	}

	@Test
	void unknownMessageTypesAreAcknowledged() {
		String sticker = text("+51911111106", "wamid.STICKER-6", "x")
			.replace("\"type\":\"text\",\"text\":{\"body\":\"x\"}", "\"type\":\"sticker\",\"sticker\":{\"id\":\"1\"}");

		assertThat(webhook(sticker, APP_SECRET).status()).isEqualTo(200);
	}

	private String registerAndSendReminder(String debtId, String phone) {
		return registerAndSendReminder(debtId, phone, "2026-12-14", "350.00");
	}

	private String registerAndSendReminder(String debtId, String phone, String dueDate, String amount) {
		register(debtId, phone, dueDate, amount);
		runTimerAndSend(debtId);
		JsonNode messages = get("/api/debts/" + debtId).json().path("messages");
		return messages.get(messages.size() - 1).path("wamid").asText();
	}

	private void register(String debtId, String phone, String dueDate, String amount) {
		Answer created = postJson("/api/debts", """
				{"debtId":"%s","debtor":{"id":"C-%s","name":"María Quispe","phone":"%s"},
				 "amount":"%s","currency":"PEN","dueDate":"%s"}
				""".formatted(debtId, phone.substring(1), phone, amount, dueDate));
		assertThat(created.status()).isIn(200, 201);
	}

	private void runTimerAndSend(String debtId) {
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId)
			.processDefinitionKey(DebtLifecycle.KEY).singleResult().getId();
		this.managementService.executeJob(
				this.managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
		runJobs(debtId);
	}

	private void runJobs(String debtId) {
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId)
			.processDefinitionKey(DebtLifecycle.KEY).singleResult().getId();
		this.managementService.createJobQuery().processInstanceId(instance).messages().list()
			.forEach((job) -> this.managementService.executeJob(job.getId()));
	}

	private long events() {
		return this.jdbc.sql("SELECT COUNT(*) FROM inbound_event").query(Long.class).single();
	}

	private Answer webhook(String body, String secret) {
		byte[] raw = body.getBytes(StandardCharsets.UTF_8);
		return call(new Request.Builder().url(url("/webhooks/whatsapp"))
			.header("X-Hub-Signature-256", "sha256=" + Signatures.hex(secret, raw))
			.post(RequestBody.create(raw, MediaType.get("application/json")))
			.build());
	}

	private static String text(String phone, String wamid, String text) {
		long seconds = ClockUtil.now().toInstant().getEpochSecond();
		return Fixtures.whatsApp("inbound-text.json")
			.replace("51987654321", phone.substring(1))
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgASGBQzQUVCMDFBRjRDQjM5RjE4QjZBRQA=", wamid)
			.replace("\"timestamp\":\"1765290245\"", "\"timestamp\":\"" + seconds + "\"")
			.replace("Ya pagué ayer por Yape", text);
	}

	private static String status(String fixture, String wamid, String phone) {
		return Fixtures.whatsApp(fixture)
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI4QzU2RjVBOEQ5OEE2QjY3MEEA", wamid)
			.replace("51987654321", phone.substring(1));
	}

}
