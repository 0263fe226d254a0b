package dev.mora.refinancing;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.debt.DebtRequest;
import dev.mora.debt.DebtService;
import dev.mora.testing.BrowserScripts;
import dev.mora.whatsapp.ReplyIntent;
import dev.mora.whatsapp.ReplyReceived;
import okhttp3.Credentials;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent works a refinancing request in Camunda Tasklist, in Debian's Chromium: the RefinancingReview form, filled
 * in and completed, turns the debt into instalments. Someone outside the agents' group sees no such task, not in a
 * filter and not by the task's URL: engine authorization, not the filters, keeps it from them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "camunda.bpm.job-execution.enabled=false",
				"spring.datasource.url=jdbc:h2:mem:tasklist-browser-it;DB_CLOSE_DELAY=-1" })
class TasklistBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	DebtService debts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TaskService taskService;

	private final OkHttpClient http = new OkHttpClient();

	private final ObjectMapper json = new ObjectMapper();

	/** A debt as the API shows it, over real HTTP. */
	private JsonNode debt(String debtId) throws IOException {
		Request request = new Request.Builder().url("http://localhost:" + this.port + "/api/debts/" + debtId)
			.header("Authorization", Credentials.basic("demo", "demo"))
			.build();
		try (Response response = this.http.newCall(request).execute()) {
			return this.json.readTree(response.body().string());
		}
	}

	@Test
	void agentApprovesThreeInstalmentsInTasklist() throws Exception {
		BrowserScripts.assertBrowserInstalled();
		this.debts.register(new DebtRequest("TL-1", new DebtRequest.DebtorRequest("TL-C-1", "Julia Huamán",
				"+51900000888"), "900.00", "PEN", "2030-03-15", null, null, null));
		this.events.publishEvent(new ReplyReceived(1, "TL-1", ReplyIntent.Kind.REFINANCE, "Refinanciar", null, null));

		Task review = this.taskService.createTaskQuery()
			.processInstanceBusinessKey("TL-1")
			.taskDefinitionKey(Refinancing.Elements.REVIEW)
			.singleResult();

		// The application runs on the real clock: the first instalment a month from today.
		LocalDate firstDueDate = LocalDate.now(ZoneId.of("America/Lima")).plusMonths(1);
		BrowserScripts.run("tasklist-refinancing.mjs", "http://localhost:" + this.port, review.getId(), "Julia Huamán",
				firstDueDate.toString(), BrowserScripts.OUTPUT.toString());

		assertThat(debt("TL-1").path("status").asText()).isEqualTo("REFINANCED");
		BigDecimal total = BigDecimal.ZERO;
		for (int n = 1; n <= 3; n++) {
			JsonNode instalment = debt("TL-1-C" + n);
			assertThat(instalment.path("status").asText()).isEqualTo("ACTIVE");
			assertThat(instalment.path("schedule")).isNotEmpty();
			total = total.add(new BigDecimal(instalment.path("balance").asText()));
		}
		assertThat(total).isEqualByComparingTo("900.00");
		assertThat(debt("TL-1-C1").path("dueDate").asText()).isEqualTo(firstDueDate.toString());
		assertThat(debt("TL-1-C4").path("status").asInt()).isEqualTo(404);
	}

}
