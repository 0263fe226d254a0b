package dev.mora.refinancing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import dev.mora.whatsapp.ReplyIntent;
import dev.mora.whatsapp.ReplyReceived;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent completes a refinancing review over Camunda's REST API, as integrations and Tasklist do. */
class RefinancingIT extends ApplicationIT {

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void aDecisionThatCannotBeCarriedOutAnswers400NamingTheFieldsAndChangesNothing() {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(12, 0)
			.atZone(ZoneId.of("America/Lima")).toInstant()));
		assertThat(postJson("/api/debts", """
				{"debtId":"RF-1","debtor":{"id":"C-RF-1","name":"Julia Huamán","phone":"+51900000777"},
				 "amount":"900.00","currency":"PEN","dueDate":"2026-12-15"}
				""").status()).isEqualTo(201);
		this.events.publishEvent(new ReplyReceived(1, "RF-1", ReplyIntent.Kind.REFINANCE, "Refinanciar", null, null));
		JsonNode tasks = get("/engine-rest/task?processInstanceBusinessKey=RF-1").json();
		assertThat(tasks).hasSize(1);
		String complete = "/engine-rest/task/" + tasks.get(0).path("id").asText() + "/complete";

		Answer refused = postJson(complete, """
				{"variables":{"approved":{"value":true},"installments":{"value":20},
				              "firstDueDate":{"value":"2026-11-30"}}}
				""");

		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().path("message").asText()).contains("installments: must be a whole number from 2 to 12")
			.contains("firstDueDate: must be from 2026-12-01")
			.doesNotContain("Exception");
		assertThat(get("/engine-rest/task?processInstanceBusinessKey=RF-1").json()).hasSize(1);
		assertThat(get("/api/debts/RF-1").json().path("status").asText()).isEqualTo("ACTIVE");

		Answer done = postJson(complete, """
				{"variables":{"approved":{"value":true},"installments":{"value":3},
				              "firstDueDate":{"value":"2026-12-31"}}}
				""");

		assertThat(done.status()).isEqualTo(204);
		assertThat(get("/api/debts/RF-1").json().path("status").asText()).isEqualTo("REFINANCED");
		assertThat(get("/api/debts/RF-1-C3").json().path("balance").asText()).isEqualTo("300.00");
	}

}
