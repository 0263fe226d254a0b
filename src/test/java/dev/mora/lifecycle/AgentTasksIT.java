package dev.mora.lifecycle;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.refinancing.Refinancing;
import dev.mora.testing.ApplicationIT;
import dev.mora.testing.Fixtures;
import dev.mora.web.Signatures;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent completes the tasks WhatsApp's webhooks opened over Camunda's REST API, as themselves, as Tasklist does:
 * what they choose has effect, and a choice the form would not allow answers 400 naming the field.
 */
// Camunda's REST API finds its engine in a registry of the whole JVM: a context of its own, closed after the class,
// makes /engine-rest this one's (as in RefinancingIT).
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:agent-tasks-it;DB_CLOSE_DELAY=-1")
@DirtiesContext
class AgentTasksIT extends ApplicationIT {

	private static final String APP_SECRET = "simulator-app-secret";

	private static final String AGENT = "agente";

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@BeforeEach
	void aWorkingMorningInLima() {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-11T10:00").atZone(ZoneId.of("America/Lima"))
			.toInstant()));
	}

	@Test
	void aReminderWhatsAppCouldNotDeliverGoesToAnAgentWhoRecordsADisputeAndResolvesIt() {
		register("AT-1", "+51900000801");
		String wamid = runTimerAndSend("AT-1");
		assertThat(webhook(Fixtures.whatsApp("status-failed-131026.json")
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI4QzU2RjVBOEQ5OEE2QjY3MEEA", wamid)
			.replace("51987654321", "51900000801")).status()).isEqualTo(200);
		String contact = onlyTask("AT-1", DebtLifecycle.Elements.CONTACT_MANUALLY);

		Answer refused = complete(contact, """
				{"variables":{"contactOutcome":{"value":"PROMISE"},"promisedDate":{"value":"2026-10-01"}}}
				""");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("message").asText())
			.contains("promisedDate: must be from 2026-12-11 to 2027-02-09, not 2026-10-01")
			.doesNotContain("Exception");
		assertThat(onlyTask("AT-1", DebtLifecycle.Elements.CONTACT_MANUALLY)).isEqualTo(contact);

		assertThat(complete(contact, """
				{"variables":{"contactOutcome":{"value":"DISPUTE"},"contactComment":{"value":"dice que no es suya"}}}
				""").status()).isEqualTo(204);
		String dispute = onlyTask("AT-1", DebtLifecycle.Elements.RESOLVE_DISPUTE);
		assertThat(complete(dispute, """
				{"variables":{"disputeResolution":{"value":"RESUME"}}}
				""").status()).isEqualTo(204);

		assertThat(tasks("AT-1")).isEmpty();
		assertThat(get("/api/debts/AT-1").json().path("schedule").get(0).path("stage").asText()).isEqualTo("DUE");
	}

	@Test
	void aReplyAnAgentReadsAsARefinancingRequestTwiceOpensOneReview() {
		register("AT-2", "+51900000802");

		assertThat(debtorWrites("+51900000802", "wamid.AT-2-1", "¿y esto qué es?").status()).isEqualTo(200);
		assertThat(complete(onlyTask("AT-2", DebtLifecycle.Elements.READ_REPLY), """
				{"variables":{"chosenIntent":{"value":"REFINANCE"}}}
				""").status()).isEqualTo(204);
		String review = onlyTask("AT-2", Refinancing.Elements.REVIEW);
		assertThat(debtorWrites("+51900000802", "wamid.AT-2-2", "¿y lo que les pedí?").status()).isEqualTo(200);
		assertThat(complete(task("AT-2", DebtLifecycle.Elements.READ_REPLY), """
				{"variables":{"chosenIntent":{"value":"REFINANCE"}}}
				""").status()).isEqualTo(204);

		assertThat(onlyTask("AT-2", Refinancing.Elements.REVIEW)).isEqualTo(review);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(Refinancing.KEY)
			.processInstanceBusinessKey("AT-2").count()).isOne();
	}

	/** The id of the debt's only open task the agent sees, which must be of that kind. */
	private String onlyTask(String debtId, String taskKey) {
		JsonNode tasks = tasks(debtId);
		assertThat(tasks).as("the agent's tasks of " + debtId).hasSize(1);
		assertThat(tasks.get(0).path("taskDefinitionKey").asText()).isEqualTo(taskKey);
		return tasks.get(0).path("id").asText();
	}

	/** The id of the debt's one open task of that kind the agent sees, among others. */
	private String task(String debtId, String taskKey) {
		List<JsonNode> tasks = new ArrayList<>();
		tasks(debtId).forEach((task) -> {
			if (task.path("taskDefinitionKey").asText().equals(taskKey)) {
				tasks.add(task);
			}
		});
		assertThat(tasks).as("the agent's " + taskKey + " of " + debtId).hasSize(1);
		return tasks.get(0).path("id").asText();
	}

	private JsonNode tasks(String debtId) {
		return callAs(AGENT, "GET", "/engine-rest/task?processInstanceBusinessKey=" + debtId, null).json();
	}

	private Answer complete(String taskId, String body) {
		return callAs(AGENT, "POST", "/engine-rest/task/" + taskId + "/complete", body);
	}

	private void register(String debtId, String phone) {
		assertThat(postJson("/api/debts", """
				{"debtId":"%s","debtor":{"id":"C-%s","name":"María Quispe","phone":"%s"},
				 "amount":"350.00","currency":"PEN","dueDate":"2026-12-14"}
				""".formatted(debtId, debtId, phone)).status()).isEqualTo(201);
	}

	/** Runs the first stage's timer and its send; the wamid WhatsApp gave the reminder. */
	private String runTimerAndSend(String debtId) {
		String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId)
			.processDefinitionKey(DebtLifecycle.KEY).singleResult().getId();
		this.managementService.executeJob(
				this.managementService.createJobQuery().processInstanceId(instance).timers().singleResult().getId());
		this.managementService.executeJob(
				this.managementService.createJobQuery().processInstanceId(instance).messages().singleResult().getId());
		return get("/api/debts/" + debtId).json().path("messages").get(0).path("wamid").asText();
	}

	private Answer debtorWrites(String phone, String wamid, String text) {
		return webhook(Fixtures.whatsApp("inbound-text.json")
			.replace("51987654321", phone.substring(1))
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgASGBQzQUVCMDFBRjRDQjM5RjE4QjZBRQA=", wamid)
			.replace("\"timestamp\":\"1765290245\"",
					"\"timestamp\":\"" + ClockUtil.now().toInstant().getEpochSecond() + "\"")
			.replace("Ya pagué ayer por Yape", text));
	}

	private Answer webhook(String body) {
		byte[] raw = body.getBytes(StandardCharsets.UTF_8);
		return call(new Request.Builder().url(url("/webhooks/whatsapp"))
			.header("X-Hub-Signature-256", "sha256=" + Signatures.hex(APP_SECRET, raw))
			.post(RequestBody.create(raw, MediaType.get("application/json")))
			.build());
	}

}
