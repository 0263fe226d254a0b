package dev.mora.refinancing;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import dev.mora.testing.Fixtures;
import dev.mora.web.Signatures;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A debtor asks for instalments over WhatsApp's webhook; an agent completes the review over Camunda's REST API, as
 * integrations and Tasklist do.
 */
// Camunda's REST API finds its engine by name in a registry of the whole JVM, where the engine of the context started
// last is "default": a context of its own, started for this class and closed after it, makes /engine-rest this one's.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:refinancing-it;DB_CLOSE_DELAY=-1")
@DirtiesContext
class RefinancingIT extends ApplicationIT {

	/** The embedded default's app secret, which signs the test's webhooks. */
	private static final String APP_SECRET = "simulator-app-secret";

	private Answer debtorWrites(String phone, String wamid, String text) {
		long seconds = ClockUtil.now().toInstant().getEpochSecond();
		byte[] body = Fixtures.whatsApp("inbound-text.json")
			.replace("51987654321", phone.substring(1))
			.replace("wamid.HBgLNTE5ODc2NTQzMjEVAgASGBQzQUVCMDFBRjRDQjM5RjE4QjZBRQA=", wamid)
			.replace("\"timestamp\":\"1765290245\"", "\"timestamp\":\"" + seconds + "\"")
			.replace("Ya pagué ayer por Yape", text)
			.getBytes(StandardCharsets.UTF_8);
		return call(new Request.Builder().url(url("/webhooks/whatsapp"))
			.header("X-Hub-Signature-256", "sha256=" + Signatures.hex(APP_SECRET, body))
			.post(RequestBody.create(body, MediaType.get("application/json")))
			.build());
	}

	@Test
	void aDecisionThatCannotBeCarriedOutAnswers400NamingTheFieldsAndChangesNothing() {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(12, 0)
			.atZone(ZoneId.of("America/Lima")).toInstant()));
		assertThat(postJson("/api/debts", """
				{"debtId":"RF-1","debtor":{"id":"C-RF-1","name":"Julia Huamán","phone":"+51900000777"},
				 "amount":"900.00","currency":"PEN","dueDate":"2026-12-15"}
				""").status()).isEqualTo(201);
		assertThat(debtorWrites("+51900000777", "wamid.RF-1", "quiero pagar en cuotas").status()).isEqualTo(200);
		JsonNode tasks = get("/engine-rest/task?processInstanceBusinessKey=RF-1").json();
		assertThat(tasks).as("the refinancing review of RF-1").hasSize(1);
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
