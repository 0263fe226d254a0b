package dev.mora.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole loop: a debt posted over HTTP, its timers run, its templates arriving at the Cloud API. */
class DebtLifecycleIT extends ApplicationIT {

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Test
	void registeredDebtSendsItsRemindersInOrderAndEndsAtTheAgents() {
		ClockUtil.setCurrentTime(at(2026, 12, 1));
		Answer created = postJson("/api/debts", """
				{"debtId":"IT-1001","debtor":{"id":"C-IT-1001","name":"María Quispe","phone":"+51987654321"},
				 "amount":"350.00","currency":"PEN","dueDate":"2026-12-15"}
				""");
		assertThat(created.status()).isEqualTo(201);

		String instanceId = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("IT-1001")
			.singleResult()
			.getId();
		for (int stage = 0; stage < 6; stage++) {
			Job timer = this.managementService.createJobQuery().processInstanceId(instanceId).timers().singleResult();
			ClockUtil.setCurrentTime(timer.getDuedate());
			this.managementService.executeJob(timer.getId());
			Job send = this.managementService.createJobQuery().processInstanceId(instanceId).singleResult();
			this.managementService.executeJob(send.getId());
		}

		assertThat(whatsApp.templatesSent()).containsExactly("mora_recordatorio_previo",
				"mora_recordatorio_vencimiento", "mora_aviso_atraso", "mora_aviso_atraso_firme", "mora_aviso_urgente",
				"mora_aviso_final");
		assertThat(whatsApp.requests()).allSatisfy(
				(request) -> assertThat(request.getUrl().encodedPath()).endsWith("/messages"));
		JsonNode debt = get("/api/debts/IT-1001").json();
		assertThat(debt.path("stage").asText()).isEqualTo("ESCALATION_4");
		assertThat(debt.path("schedule")).isEmpty();
		assertThat(debt.path("messages")).hasSize(6);
		assertThat(debt.path("messages").get(0).path("wamid").asText()).startsWith("wamid.");
		assertThat(debt.path("messages").get(0).path("status").asText()).isEqualTo("accepted");
		assertThat(this.taskService.createTaskQuery().processInstanceBusinessKey("IT-1001")
			.taskCandidateGroup(DebtLifecycle.AGENTS).count()).isEqualTo(1);
	}

	private static Date at(int year, int month, int day) {
		return Date.from(LocalDate.of(year, month, day).atTime(12, 0).atZone(ZoneId.of("America/Lima")).toInstant());
	}

}
