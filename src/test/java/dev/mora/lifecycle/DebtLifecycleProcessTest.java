package dev.mora.lifecycle;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.contact.ContactAttempt;
import dev.mora.contact.ContactGate;
import dev.mora.contact.ContactOutcome;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtRequest;
import dev.mora.debt.DebtService;
import dev.mora.debt.DebtStatus;
import dev.mora.payment.IncomingPayment;
import dev.mora.payment.PaymentLedger;
import dev.mora.payment.PaymentReceipt;
import dev.mora.payment.PaymentService;
import dev.mora.payment.PaymentStatus;
import dev.mora.refinancing.Refinancing;
import dev.mora.whatsapp.RecipientUnreachable;
import dev.mora.whatsapp.ReplyIntent;
import dev.mora.whatsapp.ReplyReceived;
import dev.mora.whatsapp.SendingSwitch;
import dev.mora.testing.CloudApiServer;
import dev.mora.testing.ProcessCoverage;
import dev.mora.whatsapp.MessageLedger;
import dev.mora.whatsapp.OutboundMessage;
import dev.mora.whatsapp.OutboundStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

/**
 * Every path of {@code DebtLifecycle} on the real engine and the real services, with the job executor off and time
 * moved by hand; WhatsApp is a real HTTP server that records what it receives.
 */
@SpringBootTest(properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:lifecycle-process-test;DB_CLOSE_DELAY=-1",
				"mora.contact.sending-time=10:00", "mora.contact.enabled=true" })
@Import(ProcessCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
		mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class DebtLifecycleProcessTest {

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	private static final CloudApiServer whatsApp = new CloudApiServer();

	private static int sequence;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	DebtService debts;

	@Autowired
	MessageLedger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContactGate contacts;

	@Autowired
	PaymentService payments;

	@Autowired
	PaymentLedger paymentLedger;

	@Autowired
	HistoryService historyService;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	SendingSwitch sendingSwitch;

	private static long replies;

	private String debtId;

	@DynamicPropertySource
	static void whatsApp(DynamicPropertyRegistry registry) {
		registry.add("mora.whatsapp.api-base-url", whatsApp::baseUrl);
	}

	@AfterAll
	static void stopWhatsApp() {
		whatsApp.close();
	}

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(this.processEngine);
		whatsApp.reset();
		this.debtId = "INV-" + (++sequence);
		now(lima(2026, 12, 1, 12, 0));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void sendsEveryStageAtItsTimeOnceAndEndsAtTheAgentsTask() {
		// Due on a Monday: every stage falls on a working day, so none is moved by the contact policy.
		ProcessInstance instance = register("2026-12-14");

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 11, 10, 0)));
		List<ZonedDateTime> stageTimes = List.of(lima(2026, 12, 11, 10, 0), lima(2026, 12, 14, 10, 0),
				lima(2026, 12, 17, 10, 0), lima(2026, 12, 21, 10, 0), lima(2026, 12, 29, 10, 0),
				lima(2027, 1, 13, 10, 0));
		for (ZonedDateTime stageTime : stageTimes) {
			assertThat(timer(instance).getDuedate()).isEqualTo(date(stageTime));
			now(stageTime);
			fireTimerAndSend(instance);
		}

		assertThat(whatsApp.templatesSent()).containsExactly("mora_recordatorio_previo",
				"mora_recordatorio_vencimiento", "mora_aviso_atraso", "mora_aviso_atraso_firme", "mora_aviso_urgente",
				"mora_aviso_final");
		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/PRE_DUE", this.debtId + "/DUE",
				this.debtId + "/ESCALATION_1", this.debtId + "/ESCALATION_2", this.debtId + "/ESCALATION_3",
				this.debtId + "/ESCALATION_4");
		assertThat(this.ledger.messagesOf(this.debtId)).extracting(OutboundMessage::status)
			.containsOnly(OutboundStatus.ACCEPTED);
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.DECIDE_FINAL_ACTION);
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getName()).isEqualTo("Decidir la cobranza final – María Quispe – S/ 350.00");
		assertThat(this.taskService.getVariableLocal(task.getId(), "daysOverdue")).isEqualTo(30L);
		assertThat(this.taskService.getVariableLocal(task.getId(), "conversation")).asString()
			.contains("Mora → mora_aviso_final (ESCALATION_4, accepted)")
			.doesNotContain("mora_recordatorio_previo");
		assertThat(this.taskService.createTaskQuery().taskCandidateGroup(DebtLifecycle.AGENTS)
			.processInstanceBusinessKey(this.debtId).count()).isEqualTo(1);

		this.taskService.complete(task.getId(), Map.of(DebtLifecycle.Variables.FINAL_ACTION, "AGENCY_HANDOFF"));

		assertThat(instance).hasPassed(DebtLifecycle.Elements.RECORD_FINAL_ACTION).isEnded();
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_HANDED_OVER);
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.AGENCY);

		// Still owed while the agency collects: payments lower the balance, the last one settles it.
		assertThat(pay("PAY-AG-1", "150.00", "PEN").status()).isEqualTo(PaymentStatus.APPLIED);
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("200.00");
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.AGENCY);
		pay("PAY-AG-2", "200.00", "PEN");
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.SETTLED);
	}

	@Test
	void templateCarriesTheDebtorsFirstNameTheAmountInSolesTheDueDateAndThePaymentLink() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));

		fireTimerAndSend(instance);

		JsonNode body = whatsApp.bodies().get(0);
		assertThat(body.path("to").asText()).isEqualTo("51987654321");
		JsonNode components = body.path("template").path("components");
		assertThat(components.get(0).path("parameters")).extracting((p) -> p.path("text").asText())
			.containsExactly("María", "S/ 350.00", "14/12/2026");
		assertThat(components.get(1).path("sub_type").asText()).isEqualTo("url");
		assertThat(components.get(1).path("parameters").get(0).path("text").asText()).startsWith(this.debtId + ".");
		assertThat(components.get(2).path("parameters").get(0).path("payload").asText())
			.isEqualTo("REFINANCE:" + this.debtId);
		assertThat(whatsApp.requests().get(0).getHeaders().get("Authorization")).startsWith("Bearer ");
	}

	@Test
	void debtRegisteredLateSendsOnlyTheStageItsAgeCallsFor() {
		now(lima(2026, 12, 11, 9, 0));
		ProcessInstance instance = register("2026-12-01");

		assertThat(timer(instance).getDuedate()).isBefore(date(lima(2026, 12, 11, 9, 0)));
		fireTimerAndSend(instance);

		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/ESCALATION_2");
		assertThat(this.debts.get(this.debtId).stage()).isEqualTo("ESCALATION_2");
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 16, 10, 0)));
		assertThat(this.contacts.attemptsOf("C-" + this.debtId)).singleElement()
			.satisfies((attempt) -> assertThat(attempt.outcome()).isEqualTo(ContactOutcome.SENT));
	}

	@Test
	void afterDowntimeAnOverdueTimerSendsOnlyTheLatestStage() {
		ProcessInstance instance = register("2026-12-14");

		now(lima(2027, 1, 5, 8, 0));
		fireTimerAndSend(instance);

		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/ESCALATION_3");
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2027, 1, 13, 10, 0)));
	}

	@Test
	void timerTriggeredEarlyByHandSendsThePlannedStage() {
		ProcessInstance instance = register("2026-12-14");

		fireTimerAndSend(instance);

		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/PRE_DUE");
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void paidDebtSendsNothingAndEnds() {
		ProcessInstance instance = register("2026-12-14");
		// What a payment leaves in the database: the balance is the truth the lifecycle re-reads.
		this.jdbc.sql("UPDATE debt SET balance = 0, status = 'SETTLED' WHERE debt_id = ?").param(this.debtId).update();

		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());

		assertThat(instance).hasPassed(DebtLifecycle.Elements.READ_BALANCE, DebtLifecycle.Elements.END_NOTHING_OWED)
			.hasNotPassed(DebtLifecycle.Elements.SEND_REMINDER)
			.isEnded();
		assertThat(whatsApp.requests()).isEmpty();
	}

	@Test
	void debtPaidWhileItsSendWaitsSendsNothing() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.SEND_REMINDER);
		this.jdbc.sql("UPDATE debt SET balance = 0, status = 'SETTLED' WHERE debt_id = ?").param(this.debtId).update();

		this.managementService.executeJob(job(instance).getId());

		assertThat(whatsApp.requests()).isEmpty();
	}

	@Test
	void cancellationEndsTheLifecycleAndNothingMoreIsSent() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);

		Debt cancelled = this.debts.cancel(this.debtId);

		assertThat(cancelled.status()).isEqualTo(DebtStatus.CANCELLED);
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_CANCELLED).isEnded();
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/PRE_DUE");
		assertThat(this.debts.cancel(this.debtId).status()).isEqualTo(DebtStatus.CANCELLED);
	}

	@Test
	void transientErrorIsRetriedByTheJobAndTheReminderGoesOutOnce() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		whatsApp.answerNext(429, "error-130429-rate-limit.json");
		whatsApp.answerNext(429, "error-130429-rate-limit.json");

		Job send = job(instance);
		assertThatThrownBy(() -> this.managementService.executeJob(send.getId())).hasMessageContaining("130429");
		// Six attempts in all (PT1M,PT5M,PT15M,PT1H,PT4H): the first retry waits one minute.
		assertThat(job(instance).getRetries()).isEqualTo(5);
		assertThat(job(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 11, 10, 1)));
		assertThat(this.ledger.messagesOf(this.debtId)).extracting(OutboundMessage::status)
			.containsExactly(OutboundStatus.RETRYING);
		assertThatThrownBy(() -> this.managementService.executeJob(send.getId())).hasMessageContaining("130429");
		this.managementService.executeJob(send.getId());

		assertThat(whatsApp.requests()).hasSize(3);
		assertThat(this.ledger.messagesOf(this.debtId)).singleElement()
			.satisfies((message) -> assertThat(message.status()).isEqualTo(OutboundStatus.ACCEPTED));
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
	}

	@Test
	void stageAlreadyOutIsNeverSentAgainWhenItsJobRunsTwice() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);

		// As if the send job ran again, the next working day, after a crash that lost the process state but not the
		// ledger: the contact policy would let it go; the ledger must not.
		now(lima(2026, 12, 14, 9, 0));
		this.runtimeService.createProcessInstanceModification(instance.getId())
			.startBeforeActivity(DebtLifecycle.Elements.SEND_REMINDER)
			.setVariable(DebtLifecycle.Variables.STAGE, "PRE_DUE")
			.execute();
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.SEND_REMINDER).getId());

		assertThat(whatsApp.requests()).hasSize(1);
		assertThat(this.ledger.messagesOf(this.debtId)).hasSize(1);
	}

	@Test
	void unreachableRecipientGoesToAnAgentAfterOneAttemptThenTheLifecycleGoesOn() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		whatsApp.answerNext(400, "error-131026-undeliverable.json");

		this.managementService.executeJob(job(instance).getId());

		assertThat(whatsApp.requests()).hasSize(1);
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.CONTACT_MANUALLY);
		assertThat(this.ledger.messagesOf(this.debtId)).singleElement().satisfies((message) -> {
			assertThat(message.status()).isEqualTo(OutboundStatus.FAILED);
			assertThat(message.errorCode()).isEqualTo(131026);
		});
		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(task.getName()).startsWith("Contactar manualmente – María Quispe");

		this.taskService.complete(task.getId(), Map.of("contactOutcome", "REACHED"));

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void segmentWithoutRowsOfItsOwnFollowsTheStandardLadderAndPreferredHasItsOwn() {
		ProcessInstance standard = register("2026-12-14", "UNKNOWN_SEGMENT");
		assertThat(timer(standard).getDuedate()).isEqualTo(date(lima(2026, 12, 11, 10, 0)));
		this.debtId = this.debtId + "-P";
		// Five days before is 9 December, a holiday (and the 8th too): the reminder moves earlier, to Monday the 7th.
		ProcessInstance preferred = register("2026-12-14", "PREFERRED");
		assertThat(timer(preferred).getDuedate()).isEqualTo(date(lima(2026, 12, 7, 10, 0)));
	}

	@Test
	void sendWokenOutsideTheWindowIsDeferredToTheNextSlotNotSent() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 21, 30));

		fireTimerAndSend(instance);

		assertThat(whatsApp.requests()).isEmpty();
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_CONTACT_WINDOW);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 7, 0)));
		assertThat(this.contacts.attemptsOf("C-" + this.debtId)).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(ContactOutcome.DEFERRED);
			assertThat(attempt.rule()).contains("fuera del horario 07:00–20:00");
		});

		now(lima(2026, 12, 14, 7, 0));
		fireTimerAndSend(instance);

		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/PRE_DUE");
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void debtsOfOneDebtorAtTheSameStageGoInOneMessage() {
		ProcessInstance first = register("2026-12-14");
		String firstId = this.debtId;
		String debtor = "C-" + this.debtId;
		this.debtId = this.debtId + "-B";
		this.debts.register(new DebtRequest(this.debtId, new DebtRequest.DebtorRequest(debtor, "María Quispe",
				"+51987654321"), "120.00", "PEN", "2026-12-14", null, null, null));
		ProcessInstance second = instanceOf(this.debtId);
		now(lima(2026, 12, 11, 10, 0));

		fireTimerAndSend(first);
		fireTimerAndSend(second);

		assertThat(whatsApp.templatesSent()).containsExactly("mora_recordatorio_consolidado");
		JsonNode parameters = whatsApp.bodies().get(0).path("template").path("components").get(0).path("parameters");
		assertThat(parameters).extracting((p) -> p.path("text").asText())
			.containsExactly("María", "2", "S/ 470.00", firstId + " S/ 350.00 (vence 14/12/2026); " + this.debtId
					+ " S/ 120.00 (vence 14/12/2026)");
		assertThat(this.ledger.messagesOf(firstId).get(0).wamid())
			.isEqualTo(this.ledger.messagesOf(this.debtId).get(0).wamid());
		assertThat(this.debts.get(this.debtId).stage()).isEqualTo("PRE_DUE");
		assertThat(timer(second).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
		assertThat(this.contacts.attemptsOf(debtor)).singleElement()
			.satisfies((attempt) -> assertThat(attempt.rule()).contains(this.debtId));
	}

	@Test
	void aSecondMessageToTheSameDebtorTheSameDayWaitsForTheNextWorkingDay() {
		ProcessInstance first = register("2026-12-14");
		String debtor = "C-" + this.debtId;
		this.debtId = this.debtId + "-B";
		// Overdue since Tuesday: at the same moment it is at its first escalation, so it cannot share the message.
		this.debts.register(new DebtRequest(this.debtId, new DebtRequest.DebtorRequest(debtor, "María Quispe",
				"+51987654321"), "120.00", "PEN", "2026-12-08", null, null, null));
		ProcessInstance second = instanceOf(this.debtId);
		now(lima(2026, 12, 11, 10, 0));

		fireTimerAndSend(first);
		fireTimerAndSend(second);

		assertThat(whatsApp.requests()).hasSize(1);
		assertThat(second).isWaitingAt(DebtLifecycle.Elements.TIMER_CONTACT_WINDOW);
		assertThat(timer(second).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 7, 0)));
		assertThat(this.contacts.attemptsOf(debtor)).extracting(ContactAttempt::outcome)
			.containsExactly(ContactOutcome.SENT, ContactOutcome.DEFERRED);
		assertThat(this.contacts.attemptsOf(debtor).get(1).rule()).contains("tope de 1 mensaje(s) por día");
		assertThat(this.contacts.attemptsOf(debtor).get(1).stage()).isEqualTo("ESCALATION_1");
	}

	@Test
	void aFourthMessageInOneWeekWaitsForNextMondayUnlessAnOperatorSendsItByHand() {
		String debtor = "C-" + this.debtId;
		String base = this.debtId;
		// Four debts of one debtor, each with a stage due on another day of the week of 14 December.
		Map<String, ProcessInstance> debts = new java.util.LinkedHashMap<>();
		for (String dueDate : List.of("2026-12-17", "2026-12-15", "2026-12-13", "2026-12-10")) {
			this.debtId = base + "-" + dueDate.substring(8);
			this.debts.register(new DebtRequest(this.debtId, new DebtRequest.DebtorRequest(debtor, "María Quispe",
					"+51987654321"), "100.00", "PEN", dueDate, null, null, null));
			debts.put(this.debtId, instanceOf(this.debtId));
		}
		int day = 14;
		for (ProcessInstance instance : debts.values()) {
			now(lima(2026, 12, day++, 10, 0));
			fireTimerAndSend(instance);
		}

		assertThat(whatsApp.callbacksSent()).containsExactly(base + "-17/PRE_DUE", base + "-15/DUE",
				base + "-13/ESCALATION_1");
		ProcessInstance fourth = debts.get(base + "-10");
		assertThat(fourth).isWaitingAt(DebtLifecycle.Elements.TIMER_CONTACT_WINDOW);
		assertThat(timer(fourth).getDuedate()).isEqualTo(date(lima(2026, 12, 21, 7, 0)));
		ContactAttempt deferred = this.contacts.attemptsOf(debtor).get(3);
		assertThat(deferred.outcome()).isEqualTo(ContactOutcome.DEFERRED);
		assertThat(deferred.stage()).isEqualTo("ESCALATION_2");
		assertThat(deferred.rule()).isEqualTo("tope de 3 mensajes por semana");

		// An operator triggers the waiting timer in Cockpit: the caps give way to an explicit send.
		fireTimerAndSend(fourth);
		assertThat(whatsApp.callbacksSent()).last().isEqualTo(base + "-10/ESCALATION_2");
		assertThat(this.contacts.attemptsOf(debtor).get(4).rule()).contains("enviado a mano, sin topes de frecuencia");
	}

	@Test
	void aDueDayReminderThatCouldOnlyGoOutAfterItsDueDateGivesWayToTheNextStage() {
		ProcessInstance first = register("2026-12-14");
		String debtor = "C-" + this.debtId;
		this.debtId = this.debtId + "-D";
		// Due today, Friday: the cap defers its due-day reminder to Monday, when "vence hoy" would be wrong.
		this.debts.register(new DebtRequest(this.debtId, new DebtRequest.DebtorRequest(debtor, "María Quispe",
				"+51987654321"), "120.00", "PEN", "2026-12-11", null, null, null));
		ProcessInstance second = instanceOf(this.debtId);
		now(lima(2026, 12, 11, 10, 0));

		fireTimerAndSend(first);
		fireTimerAndSend(second);

		assertThat(whatsApp.requests()).hasSize(1);
		assertThat(this.contacts.attemptsOf(debtor)).extracting(ContactAttempt::outcome)
			.containsExactly(ContactOutcome.SENT, ContactOutcome.SKIPPED);
		assertThat(this.contacts.attemptsOf(debtor).get(1).rule()).contains("tope de 1 mensaje(s) por día")
			.contains("no llegaría antes del vencimiento del 11/12/2026");
		assertThat(second).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(second).getDuedate()).as("ESCALATION_1, three days after")
			.isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void debtorMarkedDoNotContactReceivesNothingAndTheLadderGoesOn() {
		ProcessInstance instance = register("2026-12-14");
		this.contacts.doNotContact("C-" + this.debtId, "reclamo ante Indecopi");
		now(lima(2026, 12, 11, 10, 0));

		fireTimerAndSend(instance);

		assertThat(whatsApp.requests()).isEmpty();
		assertThat(this.contacts.attemptsOf("C-" + this.debtId)).singleElement().satisfies((attempt) -> {
			assertThat(attempt.outcome()).isEqualTo(ContactOutcome.BLOCKED);
			assertThat(attempt.rule()).contains("reclamo ante Indecopi");
		});
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void optedOutNumberReceivesNothingForAnyDebt() {
		ProcessInstance instance = register("2026-12-14");
		this.contacts.optOut("+51987654321", "respondió BAJA");
		now(lima(2026, 12, 11, 10, 0));

		try {
			fireTimerAndSend(instance);
		}
		finally {
			this.jdbc.sql("DELETE FROM contact_block WHERE block_key = '+51987654321'").update();
		}

		assertThat(whatsApp.requests()).isEmpty();
		assertThat(this.contacts.attemptsOf("C-" + this.debtId)).extracting(ContactAttempt::outcome)
			.containsExactly(ContactOutcome.BLOCKED);
	}

	@Test
	void partialPaymentIsConfirmedWithTheRemainingBalanceAndTheLadderGoesOn() {
		ProcessInstance instance = register("2026-12-14");

		PaymentReceipt receipt = pay("PAY-" + this.debtId, "100.00", "PEN");

		assertThat(receipt.status()).isEqualTo(PaymentStatus.APPLIED);
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.CONFIRM_PAYMENT, DebtLifecycle.Elements.TIMER_STAGE_DUE);
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.CONFIRM_PAYMENT).getId());
		assertThat(whatsApp.templatesSent()).containsExactly("mora_pago_parcial");
		assertThat(whatsApp.bodies().get(0).path("template").path("components").get(0).path("parameters"))
			.extracting((p) -> p.path("text").asText())
			.containsExactly("María", "S/ 250.00", "14/12/2026", "S/ 100.00");
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_PAYMENT_CONFIRMED)
			.isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("250.00");

		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);
		assertThat(whatsApp.bodies().get(1).path("template").path("components").get(0).path("parameters").get(1)
			.path("text").asText()).isEqualTo("S/ 250.00");
	}

	@Test
	void paymentInFullThanksTheDebtorAndEndsTheLifecycleAtAnyStage() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);

		pay("PAY-" + this.debtId, "350.00", "PEN");

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.SEND_THANK_YOU);
		this.managementService.executeJob(job(instance).getId());
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_SETTLED).isEnded();
		assertThat(whatsApp.templatesSent()).containsExactly("mora_recordatorio_previo", "mora_agradecimiento");
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.SETTLED);
	}

	@Test
	void duplicatePaymentIsRecordedOnceAndAppliedOnce() {
		ProcessInstance instance = register("2026-12-14");

		PaymentReceipt first = pay("PAY-" + this.debtId, "100.00", "PEN");
		PaymentReceipt again = pay("PAY-" + this.debtId, "100.00", "PEN");

		assertThat(first.duplicate()).isFalse();
		assertThat(again.duplicate()).isTrue();
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("250.00");
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId())
			.activityId(DebtLifecycle.Elements.CONFIRM_PAYMENT).count()).isEqualTo(1);
	}

	@Test
	void overpaymentSettlesTheDebtAndKeepsTheRestAsCredit() {
		ProcessInstance instance = register("2026-12-14");

		pay("PAY-" + this.debtId, "400.00", "PEN");

		Debt debt = this.debts.get(this.debtId);
		assertThat(debt.status()).isEqualTo(DebtStatus.SETTLED);
		assertThat(debt.balance()).isEqualByComparingTo("0.00");
		assertThat(debt.credit()).isEqualByComparingTo("50.00");
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.SEND_THANK_YOU);
	}

	@Test
	void paymentInAnotherCurrencyIsKeptAsRejectedAndChangesNothing() {
		ProcessInstance instance = register("2026-12-14");

		PaymentReceipt receipt = pay("PAY-" + this.debtId, "350.00", "USD");

		assertThat(receipt.status()).isEqualTo(PaymentStatus.REJECTED);
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("350.00");
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
	}

	@Test
	void paymentBeforeItsDebtIsKeptAndAppliedWhenTheDebtArrives() {
		PaymentReceipt early = pay("PAY-" + this.debtId, "100.00", "PEN");
		assertThat(early.status()).isEqualTo(PaymentStatus.PENDING);

		ProcessInstance instance = register("2026-12-14");

		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("250.00");
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.CONFIRM_PAYMENT, DebtLifecycle.Elements.TIMER_STAGE_DUE);
	}

	@Test
	void paymentOnACancelledDebtIsRecordedAndAnAgentReviewsIt() {
		register("2026-12-14");
		this.debts.cancel(this.debtId);

		PaymentReceipt receipt = pay("PAY-" + this.debtId, "350.00", "PEN");

		assertThat(receipt.status()).isEqualTo(PaymentStatus.REVIEW);
		ProcessInstance review = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(PaymentReviewStarter.PROCESS_KEY)
			.processInstanceBusinessKey(this.debtId)
			.singleResult();
		assertThat(review).isWaitingAt("UserTask_ReviewPayment");
		Task task = this.taskService.createTaskQuery().processInstanceId(review.getId()).singleResult();
		assertThat(task.getName()).startsWith("Revisar el pago – María Quispe");
		assertThat(this.taskService.getVariable(task.getId(), "paymentAmount")).isEqualTo("S/ 350.00");
		this.taskService.complete(task.getId(), Map.of("paymentDecision", "REFUND"));
		assertThat(review).isEnded();
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.CANCELLED);
	}

	@Test
	void payReplyGetsTheLinkAgainAsATemplateOutsideTheWindow() {
		ProcessInstance instance = register("2026-12-14");

		reply(ReplyIntent.Kind.PAY, "quiero pagar", null);

		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RESEND_PAYMENT_LINK).getId());
		assertThat(whatsApp.templatesSent()).containsExactly("mora_enlace_pago");
		assertThat(instance).hasPassed("EndEvent_PaymentLinkSent").isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
	}

	@Test
	void promisePausesEscalationUntilTheDayAfterThenABrokenPromiseResumesIt() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 9, 0));

		reply(ReplyIntent.Kind.PROMISE, "pago el lunes", LocalDate.of(2026, 12, 14));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RECORD_PROMISE).getId());
		assertThat(this.debts.get(this.debtId).promisedUntil()).isEqualTo(LocalDate.of(2026, 12, 14));

		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);
		assertThat(whatsApp.requests()).isEmpty();
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_CONTACT_WINDOW);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 15, 10, 0)));

		now(lima(2026, 12, 15, 10, 0));
		fireTimerAndSend(instance);
		assertThat(whatsApp.callbacksSent()).containsExactly(this.debtId + "/DUE");
	}

	@Test
	void refinancingRequestOpensOneTaskForTheAgentsHoweverOftenItIsTappedAndARejectionIsToldTheDebtor() {
		ProcessInstance instance = register("2026-12-14");

		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);
		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);

		List<Task> tasks = refinancingTasks("UserTask_ReviewRefinancing");
		assertThat(tasks).singleElement().satisfies((task) -> {
			assertThat(task.getName()).isEqualTo("Refinanciamiento – María Quispe – S/ 350.00");
			assertThat(this.taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup(DebtLifecycle.AGENTS)
				.count()).isEqualTo(1);
		});
		this.taskService.complete(tasks.get(0).getId(), Map.of("approved", false));
		this.managementService.executeJob(job(instance, "Task_TellRefinancingRejected").getId());

		assertThat(whatsApp.templatesSent()).containsExactly("mora_refinanciamiento_rechazado");
		assertThat(instance).hasPassed("EndEvent_RefinancingReviewed").isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
	}

	@Test
	void approvedRefinancingBecomesInstalmentsEachWithItsLifecycle() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);

		this.taskService.complete(refinancingTasks("UserTask_ReviewRefinancing").get(0).getId(),
				Map.of("approved", true, "installments", 3, "firstDueDate", "2026-12-31"));

		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.REFINANCED);
		List<Debt> instalments = List.of(this.debts.get(this.debtId + "-C1"), this.debts.get(this.debtId + "-C2"),
				this.debts.get(this.debtId + "-C3"));
		assertThat(instalments).extracting(Debt::balance)
			.containsExactly(new BigDecimal("116.66"), new BigDecimal("116.66"), new BigDecimal("116.68"));
		assertThat(instalments).extracting(Debt::dueDate)
			.containsExactly(LocalDate.of(2026, 12, 31), LocalDate.of(2027, 1, 31), LocalDate.of(2027, 2, 28));
		assertThat(instalments).allSatisfy((instalment) -> assertThat(this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DebtLifecycle.KEY).processInstanceBusinessKey(instalment.debtId()).count()).isEqualTo(1));
		assertThat(instance).isWaitingAt("Task_SendRefinancingPlan");
		this.managementService.executeJob(job(instance).getId());
		assertThat(whatsApp.templatesSent()).containsExactly("mora_plan_refinanciamiento");
		assertThat(whatsApp.bodies().get(0).toString()).contains("cuota 3: S/ 116.68 vence el 28/02/2027");
		assertThat(instance).hasPassed("EndEvent_DebtRefinanced").isEnded();
	}

	@Test
	void manyInstalmentsNeedASupervisorWhoMayApproveOrReject() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);
		this.taskService.complete(refinancingTasks("UserTask_ReviewRefinancing").get(0).getId(),
				Map.of("approved", true, "installments", 8, "firstDueDate", "2026-12-31"));

		Task supervisor = refinancingTasks("UserTask_SupervisorApproval").get(0);
		reply(ReplyIntent.Kind.REFINANCE, "¿y mi refinanciamiento?", null);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(Refinancing.KEY)
			.processInstanceBusinessKey(this.debtId).count()).as("one review at a time").isOne();
		assertThat(this.taskService.createTaskQuery().taskId(supervisor.getId())
			.taskCandidateGroup("collection-supervisors").count()).isEqualTo(1);
		this.taskService.complete(supervisor.getId(), Map.of("approved", false));

		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.ACTIVE);
		assertThat(instance).isWaitingAt("Task_TellRefinancingRejected", DebtLifecycle.Elements.TIMER_STAGE_DUE);

		reply(ReplyIntent.Kind.REFINANCE, "quiero cuotas", null);
		this.taskService.complete(refinancingTasks("UserTask_ReviewRefinancing").get(0).getId(),
				Map.of("approved", true, "installments", 8, "firstDueDate", "2026-12-31"));
		this.taskService.complete(refinancingTasks("UserTask_SupervisorApproval").get(0).getId(),
				Map.of("approved", true));

		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.REFINANCED);
		assertThat(this.debts.get(this.debtId + "-C8").balance()).isEqualByComparingTo("43.75");
	}

	@Test
	void aRefinancingDecisionThatCannotBeCarriedOutIsRefusedNamingEachFieldAndTheTaskStaysOpen() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);
		String task = refinancingTasks(Refinancing.Elements.REVIEW).get(0).getId();

		assertThatThrownBy(() -> this.taskService.complete(task,
				Map.of("approved", true, "installments", 20, "firstDueDate", "2026-11-30")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("installments: must be a whole number from 2 to 12, not 20")
			.hasMessageContaining("firstDueDate: must be from 2026-12-01 to 2027-12-01, not 2026-11-30");
		assertThatThrownBy(() -> this.taskService.complete(task, Map.of("approved", true, "installments", 2.5)))
			.hasMessageContaining("installments: must be a whole number")
			.hasMessageContaining("firstDueDate: must be an ISO date");
		assertThatThrownBy(() -> this.taskService.complete(task, Map.of("installments", 3)))
			.hasMessageContaining("approved: must be true (approve) or false (reject)");

		assertThat(refinancingTasks(Refinancing.Elements.REVIEW)).extracting(Task::getId).containsExactly(task);
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.ACTIVE);
		assertThat(this.runtimeService.createVariableInstanceQuery().processInstanceIdIn(instance.getId())
			.variableName("installments").count()).isZero();

		// As REST clients send them: the number and the date as text.
		this.taskService.complete(task, Map.of("approved", "true", "installments", "3", "firstDueDate",
				"2026-12-31T00:00:00.000Z"));
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.REFINANCED);
		assertThat(this.debts.get(this.debtId + "-C3").dueDate()).isEqualTo(LocalDate.of(2027, 2, 28));
	}

	@Test
	void aReviewLateByOneWorkingDayEscalatesToSupervisors() {
		now(lima(2026, 12, 11, 18, 0));
		register("2026-12-14");
		reply(ReplyIntent.Kind.REFINANCE, "Refinanciar", null);
		ProcessInstance refinancing = this.runtimeService.createProcessInstanceQuery().processDefinitionKey("Refinancing")
			.processInstanceBusinessKey(this.debtId).singleResult();
		Job deadline = this.managementService.createJobQuery().processInstanceId(refinancing.getId()).timers()
			.singleResult();
		// Friday evening plus one day is Saturday: the deadline moves to Monday.
		assertThat(deadline.getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));

		this.managementService.executeJob(deadline.getId());

		Task task = refinancingTasks("UserTask_ReviewRefinancing").get(0);
		assertThat(task.getName()).startsWith("⚠ Refinanciamiento");
		assertThat(this.taskService.createTaskQuery().taskId(task.getId()).taskCandidateGroup("collection-supervisors")
			.count()).isEqualTo(1);
		assertThat(refinancing).hasPassed("EndEvent_ReviewEscalated");
	}

	private List<Task> refinancingTasks(String taskKey) {
		return this.taskService.createTaskQuery().processInstanceBusinessKey(this.debtId).taskDefinitionKey(taskKey)
			.list();
	}

	@Test
	void paymentClaimTaskClosesItselfWhenThePaymentArrives() {
		ProcessInstance instance = register("2026-12-14");

		reply(ReplyIntent.Kind.ALREADY_PAID, "Ya pagué ayer por Yape", null);
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM, DebtLifecycle.Elements.TIMER_STAGE_DUE);

		pay("PAY-" + this.debtId, "100.00", "PEN");

		assertThat(instance).hasPassed("EndEvent_ClaimClosedByPayment");
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM).count()).isZero();
	}

	@Test
	void noPaymentWhereTheDebtorSaysTheyPaidAsksForTheVoucherAndTheRemindersGoOn() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.ALREADY_PAID, "ya pagué", null);

		complete(task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM), Map.of("claimOutcome", "NOT_FOUND",
				"claimComment", "no figura en el banco"));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.ASK_FOR_VOUCHER).getId());

		assertThat(whatsApp.templatesSent()).containsExactly("mora_pedir_comprobante");
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_VOUCHER_ASKED)
			.isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(this.paymentLedger.paymentsOf(this.debtId)).isEmpty();
	}

	@Test
	void aPaymentAnAgentFindsIsRecordedUnderItsReferenceAndAppliedOnceAsAnyPayment() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.ALREADY_PAID, "Ya pagué por Yape", null);

		complete(task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM), Map.of("claimOutcome", "CONFIRMED",
				"claimAmount", 100.5, "claimReference", " yape  0042 "));

		assertThat(this.paymentLedger.paymentsOf(this.debtId)).singleElement().satisfies((payment) -> {
			assertThat(payment.provider()).isEqualTo(PaymentService.AGENT);
			assertThat(payment.paymentId()).isEqualTo("YAPE 0042");
			assertThat(payment.amount()).isEqualByComparingTo("100.50");
		});
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("249.50");
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_CLAIM_CONFIRMED)
			.isWaitingAt(DebtLifecycle.Elements.CONFIRM_PAYMENT, DebtLifecycle.Elements.TIMER_STAGE_DUE);
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.CONFIRM_PAYMENT).getId());
		assertThat(whatsApp.templatesSent()).containsExactly("mora_pago_parcial");

		// The same voucher reported and confirmed again: recorded once, applied once.
		reply(ReplyIntent.Kind.ALREADY_PAID, "les reenvío el voucher", null);
		complete(task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM), Map.of("claimOutcome", "CONFIRMED",
				"claimAmount", "100.50", "claimReference", "YAPE 0042"));
		assertThat(this.paymentLedger.paymentsOf(this.debtId)).hasSize(1);
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("249.50");
	}

	@Test
	void aPaymentInFullAnAgentFindsSettlesTheDebt() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.ALREADY_PAID, "pagado", null);

		complete(task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM), Map.of("claimOutcome", "CONFIRMED",
				"claimAmount", "350", "claimReference", "OP-000123/2026"));

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.SEND_THANK_YOU);
		this.managementService.executeJob(job(instance).getId());
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_SETTLED).isEnded();
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.SETTLED);
	}

	@Test
	void aPaymentCheckThatCannotBeCarriedOutIsRefusedNamingEachFieldAndNothingIsApplied() {
		String other = this.debtId + "-B";
		this.debts.register(new DebtRequest(other, new DebtRequest.DebtorRequest("C-" + other, "José Pérez",
				"+51912345678"), "80.00", "PEN", "2026-12-14", null, null, null));
		this.payments.receiveFromAgent(other, new BigDecimal("80.00"), "PEN", "OP-1");
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.ALREADY_PAID, "ya pagué", null);
		String task = task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM).getId();

		assertThatThrownBy(() -> complete(task, Map.of("claimOutcome", "CONFIRMED")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("claimAmount: must be an amount greater than 0 with at most 2 decimals, not null")
			.hasMessageContaining("claimReference: must be 1 to 64 letters");
		assertThatThrownBy(() -> complete(task, Map.of("claimOutcome", "CONFIRMED", "claimAmount", "10.001",
				"claimReference", "OP 2; DROP")))
			.hasMessageContaining("claimAmount: must be an amount greater than 0 with at most 2 decimals, not 10.001")
			.hasMessageContaining(
					"claimReference: must be 1 to 64 letters, digits, spaces or . _ : / # -, not OP 2; DROP");
		assertThatThrownBy(() -> complete(task, Map.of("claimOutcome", "FOUND")))
			.hasMessageContaining("claimOutcome: must be one of CONFIRMED, NOT_FOUND, not FOUND");
		assertThatThrownBy(() -> complete(task, Map.of("claimOutcome", "CONFIRMED", "claimAmount", "80.00",
				"claimReference", "op-1")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("claimReference: payment agent/OP-1 is recorded for debt " + other + " already");

		assertThat(task(instance, DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM).getId()).isEqualTo(task);
		assertThat(this.paymentLedger.paymentsOf(this.debtId)).isEmpty();
		assertThat(this.debts.get(this.debtId).balance()).isEqualByComparingTo("350.00");
	}

	@Test
	void anyOtherReplyIsReadByAnAgent() {
		ProcessInstance instance = register("2026-12-14");

		reply(ReplyIntent.Kind.OTHER, "¿quién es?", null);

		Task task = this.taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(DebtLifecycle.Elements.READ_REPLY).singleResult();
		assertThat(this.taskService.getVariable(task.getId(), DebtLifecycle.Variables.REPLY_TEXT)).isEqualTo("¿quién es?");
		this.taskService.complete(task.getId(), Map.of("chosenIntent", "NONE"));
		assertThat(instance).hasPassed("EndEvent_ReplyRead");
	}

	@Test
	void accountLevelErrorStopsAllSendingAndRaisesAnIncidentAtOnce() {
		String first = this.debtId;
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		whatsApp.reset();
		whatsApp.answerNext(403, "error-131031-account-locked.json");
		try {
			assertThatThrownBy(() -> this.managementService.executeJob(job(instance).getId()))
				.hasMessageContaining("131031");

			assertThat(job(instance).getRetries()).isZero();
			assertThat(this.runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
				.isEqualTo(1);
			assertThat(this.sendingSwitch.health().getStatus().getCode()).isEqualTo("DOWN");
			// In the database: every node sharing it stops too, also after a restart.
			assertThat(this.jdbc.sql("SELECT error_code FROM sending_stop").query(Integer.class).single())
				.isEqualTo(131031);
			String other = this.debtId;
			this.debtId = other + "-2";
			ProcessInstance second = register("2026-12-14");
			this.managementService.executeJob(timer(second).getId());
			assertThatThrownBy(() -> this.managementService.executeJob(job(second).getId()))
				.hasMessageContaining("sending is stopped");
			assertThat(whatsApp.requests()).hasSize(1);
		}
		finally {
			this.sendingSwitch.resume();
		}
		assertThat(this.sendingSwitch.health().getStatus().getCode()).isEqualTo("UP");

		// Once the account is fixed, retrying the incidents' jobs sends each stopped reminder, once.
		ProcessInstance second = this.runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(this.debtId).singleResult();
		whatsApp.reset();
		for (ProcessInstance stopped : List.of(instance, second)) {
			this.managementService.setJobRetries(job(stopped).getId(), 1);
			this.managementService.executeJob(job(stopped).getId());
		}
		assertThat(whatsApp.callbacksSent()).containsExactlyInAnyOrder(first + "/PRE_DUE", this.debtId + "/PRE_DUE");
		assertThat(this.runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void aPromiseMadeToAnAgentPausesEscalationUntilTheDayAfterAsOnWhatsApp() {
		ProcessInstance instance = register("2026-12-14");
		Task task = unreachable(instance);

		complete(task, Map.of("contactOutcome", "PROMISE", "promisedDate", "2026-12-15", "contactComment",
				"paga el martes en agencia"));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RECORD_CONTACT_PROMISE).getId());

		assertThat(this.debts.get(this.debtId).promisedUntil()).isEqualTo(LocalDate.of(2026, 12, 15));
		assertThat(instance).hasPassed(DebtLifecycle.Elements.RECORD_CONTACT_PROMISE)
			.isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		// The due-day reminder (the 14th) waits until the day after the promise.
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 16, 10, 0)));
	}

	@Test
	void aWrongNumberStopsWhatsAppToTheDebtorAndGoesStraightToTheFinalDecision() {
		ProcessInstance instance = register("2026-12-14");
		Task task = unreachable(instance);

		complete(task, Map.of("contactOutcome", "WRONG_NUMBER", "contactComment", "contestó otra persona"));

		assertThat(instance).hasPassed(DebtLifecycle.Elements.MARK_WRONG_NUMBER)
			.isWaitingAt(DebtLifecycle.Elements.DECIDE_FINAL_ACTION);
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).count())
			.as("no reminder is planned").isZero();
		assertThat(this.contacts.blockOf(this.debts.get(this.debtId).debtor()))
			.hasValueSatisfying((reason) -> assertThat(reason).contains("número equivocado", "+51987654321"));

		Task decision = task(instance, DebtLifecycle.Elements.DECIDE_FINAL_ACTION);
		assertThatThrownBy(() -> complete(decision, Map.of(DebtLifecycle.Variables.FINAL_ACTION, "GIVE_UP")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("finalAction: must be one of MANUAL_COLLECTION, AGENCY_HANDOFF, WRITE_OFF_PROPOSAL, "
					+ "not GIVE_UP");
		complete(decision, Map.of(DebtLifecycle.Variables.FINAL_ACTION, "MANUAL_COLLECTION"));
		assertThat(instance).isEnded();
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.MANUAL_COLLECTION);
	}

	@Test
	void aDisputeStopsTheRemindersUntilAnAgentResolvesItWhilePaymentsStillCount() {
		ProcessInstance instance = register("2026-12-14");
		Task task = unreachable(instance);

		complete(task, Map.of("contactOutcome", "DISPUTE", "contactComment", "dice que ya pagó en tienda"));

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.RESOLVE_DISPUTE);
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).timers().count())
			.as("no reminder is planned").isZero();
		Task dispute = task(instance, DebtLifecycle.Elements.RESOLVE_DISPUTE);
		assertThat(dispute.getName()).isEqualTo("Resolver la disputa – María Quispe – S/ 350.00");
		assertThat(this.taskService.getVariable(dispute.getId(), DebtLifecycle.Variables.CONTACT_COMMENT))
			.isEqualTo("dice que ya pagó en tienda");
		pay("PAY-" + this.debtId, "50.00", "PEN");
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.RESOLVE_DISPUTE,
				DebtLifecycle.Elements.CONFIRM_PAYMENT);

		now(lima(2026, 12, 16, 9, 0));
		assertThatThrownBy(() -> complete(dispute, Map.of("disputeResolution", "UPHELD")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("disputeResolution: must be one of RESUME, FINAL_DECISION, not UPHELD");
		complete(dispute, Map.of("disputeResolution", "RESUME", "disputeComment", "el acreedor confirma la deuda"));

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE,
				DebtLifecycle.Elements.CONFIRM_PAYMENT);
		// The due-day reminder is late now: it goes out at once, as after downtime.
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));
	}

	@Test
	void aDisputeAnAgentHandsOverEndsTheRemindersAtTheFinalDecision() {
		ProcessInstance instance = register("2026-12-14");
		complete(unreachable(instance), Map.of("contactOutcome", "DISPUTE"));

		complete(task(instance, DebtLifecycle.Elements.RESOLVE_DISPUTE), Map.of("disputeResolution", "FINAL_DECISION"));

		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.DECIDE_FINAL_ACTION);
		complete(task(instance, DebtLifecycle.Elements.DECIDE_FINAL_ACTION),
				Map.of(DebtLifecycle.Variables.FINAL_ACTION, "WRITE_OFF_PROPOSAL"));
		assertThat(this.debts.get(this.debtId).status()).isEqualTo(DebtStatus.WRITE_OFF_PROPOSED);
	}

	@Test
	void aManualContactOutcomeThatCannotBeCarriedOutIsRefusedNamingEachFieldAndTheTaskStaysOpen() {
		ProcessInstance instance = register("2026-12-14");
		Task task = unreachable(instance);

		assertThatThrownBy(() -> complete(task, Map.of("contactOutcome", "PROMISE")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("promisedDate: must be an ISO date such as 2026-12-11, not null");
		assertThatThrownBy(() -> complete(task, Map.of("contactOutcome", "PROMISE", "promisedDate", "2026-12-01")))
			.hasMessageContaining("promisedDate: must be from 2026-12-11 to 2027-02-09, not 2026-12-01");
		assertThatThrownBy(() -> complete(task, Map.of("contactOutcome", "CALLED", "contactComment", "x".repeat(1001))))
			.hasMessageContaining("contactOutcome: must be one of REACHED, PROMISE, DISPUTE, WRONG_NUMBER, NO_ANSWER, "
					+ "not CALLED")
			.hasMessageContaining("contactComment: must be at most 1000 characters, not 1001");
		assertThatThrownBy(() -> complete(task, Map.of())).hasMessageContaining("contactOutcome: must be one of");

		assertThat(task(instance, DebtLifecycle.Elements.CONTACT_MANUALLY).getId()).isEqualTo(task.getId());
		assertThat(this.debts.get(this.debtId).promisedUntil()).isNull();

		// As REST clients send it: the day as a date-time.
		complete(task, Map.of("contactOutcome", "PROMISE", "promisedDate", "2026-12-15T00:00:00.000Z"));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RECORD_CONTACT_PROMISE).getId());
		assertThat(this.debts.get(this.debtId).promisedUntil()).isEqualTo(LocalDate.of(2026, 12, 15));
	}

	@Test
	void aReminderWhatsAppLaterReportsUndeliveredStopsTheRemindersForOneManualContactTask() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);
		Instant failedAt = ClockUtil.now().toInstant();
		now(lima(2026, 12, 11, 10, 1));

		undelivered("PRE_DUE", failedAt);
		undelivered("PRE_DUE", failedAt);

		assertThat(instance).hasPassed(DebtLifecycle.Elements.MESSAGE_UNDELIVERED)
			.isWaitingAt(DebtLifecycle.Elements.CONTACT_MANUALLY);
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).count())
			.as("no reminder is planned").isZero();
		Task task = task(instance, DebtLifecycle.Elements.CONTACT_MANUALLY);
		assertThat(task.getName()).startsWith("Contactar manualmente – María Quispe");
		complete(task, Map.of("contactOutcome", "NO_ANSWER"));
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 14, 10, 0)));

		// The same failure told again (a retried webhook event): the task opened since covers it. An answer's
		// failure is no reminder's.
		undelivered("PRE_DUE", failedAt);
		undelivered("PAY_LINK:7", ClockUtil.now().toInstant());
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(this.historyService.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(DebtLifecycle.Elements.CONTACT_MANUALLY).count()).isOne();

		// The next reminder refused at once: another task, which carries nothing over from the first.
		now(lima(2026, 12, 14, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		whatsApp.answerNext(400, "error-131026-undeliverable.json");
		this.managementService.executeJob(job(instance).getId());
		Task second = task(instance, DebtLifecycle.Elements.CONTACT_MANUALLY);
		assertThat(this.taskService.getVariable(second.getId(), DebtLifecycle.Variables.CONTACT_OUTCOME)).isNull();
		assertThatThrownBy(() -> complete(second, Map.of())).hasMessageContaining("contactOutcome: must be one of");
	}

	@Test
	void aReplyAnAgentReadsAsAWishToPayGetsTheLinkAsIfMoraHadReadItSo() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.OTHER, "¿a dónde yapeo?", null);

		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "PAY"));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RESEND_PAYMENT_LINK).getId());

		assertThat(whatsApp.templatesSent()).containsExactly("mora_enlace_pago");
		assertThat(instance).hasPassed(DebtLifecycle.Elements.CHECK_CHOSEN_INTENT, "EndEvent_PaymentLinkSent");
	}

	@Test
	void aReplyAnAgentReadsAsAPromiseIsRecordedWithTheDayTheAgentGives() {
		ProcessInstance instance = register("2026-12-14");
		now(lima(2026, 12, 11, 9, 0));
		reply(ReplyIntent.Kind.OTHER, "el martes sin falta", null);

		assertThatThrownBy(() -> complete(task(instance, DebtLifecycle.Elements.READ_REPLY),
				Map.of("chosenIntent", "PROMISE")))
			.isInstanceOf(FormFieldValidationException.class)
			.hasMessageContaining("promisedDate: must be an ISO date");
		assertThatThrownBy(() -> complete(task(instance, DebtLifecycle.Elements.READ_REPLY),
				Map.of("chosenIntent", "OTHER")))
			.hasMessageContaining("chosenIntent: must be one of PAY, ALREADY_PAID, REFINANCE, PROMISE, OPT_OUT, "
					+ "DISPUTE, NONE, not OTHER");
		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "PROMISE", "promisedDate",
				"2026-12-15"));
		this.managementService.executeJob(job(instance, DebtLifecycle.Elements.RECORD_PROMISE).getId());

		assertThat(this.debts.get(this.debtId).promisedUntil()).isEqualTo(LocalDate.of(2026, 12, 15));
		now(lima(2026, 12, 11, 10, 0));
		fireTimerAndSend(instance);
		assertThat(whatsApp.requests()).isEmpty();
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 16, 10, 0)));
	}

	@Test
	void aReplyAnAgentReadsAsARequestAgentsHaveInHandOpensNoSecondTask() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.OTHER, "¿puedo pagar de a pocos?", null);
		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "REFINANCE"));
		assertThat(refinancingTasks(Refinancing.Elements.REVIEW)).hasSize(1);

		reply(ReplyIntent.Kind.OTHER, "¿y lo de las cuotas?", null);
		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "REFINANCE"));
		reply(ReplyIntent.Kind.OTHER, "ya deposité", null);
		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "ALREADY_PAID"));

		assertThat(refinancingTasks(Refinancing.Elements.REVIEW)).hasSize(1);
		assertThat(this.runtimeService.createProcessInstanceQuery().processDefinitionKey(Refinancing.KEY)
			.processInstanceBusinessKey(this.debtId).count()).isOne();
		assertThat(this.taskService.createTaskQuery().processInstanceId(instance.getId())
			.taskDefinitionKey(DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM).count()).isOne();
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_REPLY_READ);
	}

	@Test
	void aReplyAnAgentReadsAsAnOptOutStopsEveryMessageToTheNumber() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.OTHER, "ya no me interesa nada de ustedes", null);

		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "OPT_OUT"));
		try {
			this.managementService.executeJob(job(instance, DebtLifecycle.Elements.OPT_OUT_NUMBER).getId());
			assertThat(this.contacts.blockOf(this.debts.get(this.debtId).debtor())).hasValueSatisfying(
					(reason) -> assertThat(reason).startsWith("baja del número: un agente leyó la respuesta"));
			now(lima(2026, 12, 11, 10, 0));
			fireTimerAndSend(instance);
		}
		finally {
			this.jdbc.sql("DELETE FROM contact_block WHERE block_key = '+51987654321'").update();
		}

		assertThat(whatsApp.requests()).isEmpty();
		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_OPTED_OUT);
	}

	@Test
	void aReplyAnAgentReadsAsADisputeStopsTheRemindersUntilTheDisputeIsResolved() {
		ProcessInstance instance = register("2026-12-14");
		reply(ReplyIntent.Kind.OTHER, "esa deuda no es mía", null);

		complete(task(instance, DebtLifecycle.Elements.READ_REPLY), Map.of("chosenIntent", "DISPUTE", "replyComment",
				"dice que nunca compró"));

		assertThat(instance).hasPassed(DebtLifecycle.Elements.END_DEBT_DISPUTED, DebtLifecycle.Elements.DEBT_DISPUTED)
			.isWaitingAt(DebtLifecycle.Elements.RESOLVE_DISPUTE);
		assertThat(this.managementService.createJobQuery().processInstanceId(instance.getId()).count())
			.as("no reminder is planned").isZero();
		Task dispute = task(instance, DebtLifecycle.Elements.RESOLVE_DISPUTE);
		assertThat(this.taskService.getVariable(dispute.getId(), DebtLifecycle.Variables.REPLY_COMMENT))
			.isEqualTo("dice que nunca compró");

		complete(dispute, Map.of("disputeResolution", "RESUME"));
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.TIMER_STAGE_DUE);
		assertThat(timer(instance).getDuedate()).isEqualTo(date(lima(2026, 12, 11, 10, 0)));
	}

	/** Fires the first stage's timer and lets WhatsApp refuse its send for good: the manual-contact task. */
	private Task unreachable(ProcessInstance instance) {
		now(lima(2026, 12, 11, 10, 0));
		this.managementService.executeJob(timer(instance).getId());
		whatsApp.answerNext(400, "error-131026-undeliverable.json");
		this.managementService.executeJob(job(instance).getId());
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.CONTACT_MANUALLY);
		return task(instance, DebtLifecycle.Elements.CONTACT_MANUALLY);
	}

	/** What the webhook tells the lifecycle once it stored a failed status with error 131026. */
	private void undelivered(String stage, Instant failedAt) {
		this.events.publishEvent(new RecipientUnreachable(++replies, this.debtId, stage, 131026, failedAt));
	}

	private Task task(ProcessInstance instance, String taskKey) {
		return this.taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
			.singleResult();
	}

	private void complete(Task task, Map<String, Object> variables) {
		complete(task.getId(), variables);
	}

	private void complete(String taskId, Map<String, Object> variables) {
		this.taskService.complete(taskId, variables);
	}

	private void reply(ReplyIntent.Kind intent, String text, LocalDate promised) {
		this.events.publishEvent(new ReplyReceived(++replies, this.debtId, intent, text, promised, null));
	}

	private PaymentReceipt pay(String paymentId, String amount, String currency) {
		return this.payments.receive(new IncomingPayment("mora", paymentId, this.debtId, new BigDecimal(amount),
				currency, ClockUtil.now().toInstant()));
	}

	private ProcessInstance instanceOf(String businessKey) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DebtLifecycle.KEY)
			.processInstanceBusinessKey(businessKey)
			.singleResult();
	}

	private ProcessInstance register(String dueDate) {
		return register(dueDate, null);
	}

	private ProcessInstance register(String dueDate, String segment) {
		this.debts.register(new DebtRequest(this.debtId,
				new DebtRequest.DebtorRequest("C-" + this.debtId, "María Quispe", "+51987654321"), "350.00", "PEN", dueDate,
				segment, null, null));
		ProcessInstance instance = this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DebtLifecycle.KEY)
			.processInstanceBusinessKey(this.debtId)
			.singleResult();
		assertThat(instance).isNotNull();
		return instance;
	}

	/** Fires the stage timer, then runs the send job it leaves behind. */
	private void fireTimerAndSend(ProcessInstance instance) {
		this.managementService.executeJob(timer(instance).getId());
		assertThat(instance).isWaitingAt(DebtLifecycle.Elements.SEND_REMINDER);
		this.managementService.executeJob(job(instance).getId());
	}


	private Job timer(ProcessInstance instance) {
		return this.managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
	}

	private Job job(ProcessInstance instance) {
		return this.managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
	}

	private Job job(ProcessInstance instance, String activityId) {
		return this.managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.singleResult();
	}

	private static ZonedDateTime lima(int year, int month, int day, int hour, int minute) {
		return ZonedDateTime.of(LocalDate.of(year, month, day).atTime(hour, minute), LIMA);
	}

	private static Date date(ZonedDateTime time) {
		return Date.from(time.toInstant());
	}

	private static void now(ZonedDateTime time) {
		ClockUtil.setCurrentTime(Date.from(time.toInstant()));
	}

	static Instant instant(ZonedDateTime time) {
		return time.toInstant();
	}

	static BigDecimal amount(String value) {
		return new BigDecimal(value);
	}

}
