package dev.mora.debt;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The debt intake API over real HTTP, as an integrator uses it. */
class DebtApiIT extends ApplicationIT {

	private static final AtomicInteger sequence = new AtomicInteger();

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Test
	void registersADebtOnceAndAnswersTheSameResourceAgain() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-01T17:00:00Z")));
		String debtId = nextId();
		String body = debt(debtId, "C-" + debtId, "350.00", "2026-12-15");

		Answer created = postJson("/api/debts", body);
		Answer again = postJson("/api/debts", body);

		assertThat(created.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(created.json());
		JsonNode debt = get("/api/debts/" + debtId).json();
		assertThat(debt.path("debtId").asText()).isEqualTo(debtId);
		assertThat(debt.path("debtor").path("name").asText()).isEqualTo("María Quispe");
		assertThat(debt.path("status").asText()).isEqualTo("ACTIVE");
		assertThat(debt.path("amount").asText()).isEqualTo("350.00");
		assertThat(debt.path("balance").asText()).isEqualTo("350.00");
		assertThat(debt.path("currency").asText()).isEqualTo("PEN");
		assertThat(debt.path("dueDate").asText()).isEqualTo("2026-12-15");
		assertThat(debt.has("stage")).as("stage, null before the first send").isTrue();
		assertThat(debt.path("stage").isNull()).isTrue();
		assertThat(debt.path("schedule")).hasSize(6);
		assertThat(debt.path("schedule").get(0).path("stage").asText()).isEqualTo("PRE_DUE");
		assertThat(debt.path("schedule").get(0).path("plannedAt").asText()).isEqualTo("2026-12-11T15:00:00Z");
		assertThat(debt.path("messages").isArray()).isTrue();
		assertThat(debt.path("payments").isArray()).isTrue();
		assertThat(lifecycles(debtId)).isEqualTo(1);
	}

	@Test
	void aDebtRegisteredLateShowsOnlyTheStagesItWillStillGet() {
		ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-12-24T17:00:00Z")));
		String debtId = nextId();
		postJson("/api/debts", debt(debtId, "C-" + debtId, "350.00", "2026-12-15"));

		JsonNode schedule = get("/api/debts/" + debtId).json().path("schedule");

		// Nine days overdue: ESCALATION_2 (+7) goes out at once, the earlier ones never.
		assertThat(schedule).extracting((stage) -> stage.path("stage").asText())
			.containsExactly("ESCALATION_2", "ESCALATION_3", "ESCALATION_4");
	}

	@Test
	void sameIdWithOtherContentIsAConflict() {
		String debtId = nextId();
		postJson("/api/debts", debt(debtId, "C-" + debtId, "350.00", "2026-12-15"));

		Answer conflict = postJson("/api/debts", debt(debtId, "C-" + debtId, "351.00", "2026-12-15"));

		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.contentType()).startsWith("application/problem+json");
		assertThat(conflict.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("amount");
		assertThat(get("/api/debts/" + debtId).json().path("amount").asText()).isEqualTo("350.00");

		Answer otherPhone = postJson("/api/debts", debt(debtId, "C-" + debtId, "350.00", "2026-12-15")
			.replace("+51987654321", "+51987000111"));
		assertThat(otherPhone.status()).isEqualTo(409);
		assertThat(otherPhone.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("debtor.phone");
		assertThat(get("/api/debts/" + debtId).json().path("debtor").path("phone").asText()).isEqualTo("+51987654321");
	}

	@Test
	void aDebtorsNewPhoneReachesAllTheirDebts() {
		String debtor = "C-" + nextId();
		String first = nextId();
		String second = nextId();
		postJson("/api/debts", debt(first, debtor, "100.00", "2026-12-15"));
		postJson("/api/debts", debt(second, debtor, "200.00", "2027-01-15"));

		Answer bad = put("/api/debtors/" + debtor, "{\"name\":\"\",\"phone\":\"987000111\"}");
		Answer unknown = put("/api/debtors/C-NOBODY", "{\"name\":\"Ana\",\"phone\":\"+51987000111\"}");
		Answer updated = put("/api/debtors/" + debtor, "{\"name\":\"María Quispe Mamani\",\"phone\":\"+51987000111\"}");

		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("name", "phone");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.contentType()).startsWith("application/problem+json");
		assertThat(updated.status()).isEqualTo(200);
		for (String debtId : List.of(first, second)) {
			JsonNode view = get("/api/debts/" + debtId).json();
			assertThat(view.path("debtor").path("phone").asText()).isEqualTo("+51987000111");
			assertThat(view.path("debtor").path("name").asText()).isEqualTo("María Quispe Mamani");
		}
		assertThat(postJson("/api/debts", debt(first, debtor, "100.00", "2026-12-15")).status())
			.as("the old phone is other content now").isEqualTo(409);
	}

	private Answer put(String path, String json) {
		return call(new Request.Builder().url(url(path)).header("Authorization", Credentials.basic(USER, PASSWORD))
			.put(RequestBody.create(json, MediaType.get("application/json")))
			.build());
	}

	@Test
	void oneDebtorOwesSeveralDebts() {
		String debtor = "C-" + nextId();
		assertThat(postJson("/api/debts", debt(nextId(), debtor, "100.00", "2026-12-15")).status()).isEqualTo(201);
		assertThat(postJson("/api/debts", debt(nextId(), debtor, "200.00", "2027-01-15")).status()).isEqualTo(201);

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM debt WHERE debtor_id = ?").param(debtor).query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void badInputNamesEveryFieldAndLeavesNothingBehind() {
		String debtId = nextId();
		Answer answer = postJson("/api/debts", """
				{"debtId":"%s","debtor":{"id":"C-9","name":"","phone":"987654321"},
				 "amount":"-3.505","currency":"SOL","dueDate":"2026-02-30"}
				""".formatted(debtId));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("debtor.name", "debtor.phone", "amount", "currency", "dueDate");
		assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at dev.mora");
		assertThat(get("/api/debts/" + debtId).status()).isEqualTo(404);
		assertThat(lifecycles(debtId)).isZero();
	}

	@Test
	void malformedJsonIsAProblemNotAStackTrace() {
		Answer answer = postJson("/api/debts", "{\"debtId\": ");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
		assertThat(answer.body()).doesNotContain("Exception");
	}

	@Test
	void csvImportStoresEveryRow() {
		String a = nextId();
		String b = nextId();
		Answer answer = post("/api/debts/import", "text/csv", """
				debtId,debtorId,name,phone,amount,currency,dueDate,segment
				%s,C-%s,María Quispe,+51987654321,350.00,PEN,2026-12-15,
				%s,C-%s,José Pérez,+51912345678,1200.50,USD,2027-01-10,PREFERRED
				""".formatted(a, a, b, b));

		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.json().path("created").asInt()).isEqualTo(2);
		assertThat(get("/api/debts/" + b).json().path("segment").asText()).isEqualTo("PREFERRED");
		assertThat(lifecycles(a) + lifecycles(b)).isEqualTo(2);
	}

	@Test
	void csvWithABadRowStoresNothingAndNamesEveryBadRow() {
		String a = nextId();
		String b = nextId();
		String c = nextId();
		Answer answer = post("/api/debts/import", "text/csv", """
				debtId,debtorId,name,phone,amount,currency,dueDate
				%s,C-1,María Quispe,+51987654321,350.00,PEN,2026-12-15
				%s,C-2,José Pérez,12345,0,PEN,2027-01-10
				%s,C-3,Ana Ruiz,+51912345678,10.00,PEN,mañana
				""".formatted(a, b, c));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("errors")).extracting((error) -> error.path("row").asInt() + ":"
				+ error.path("field").asText())
			.containsExactly("3:debtor.phone", "3:amount", "4:dueDate");
		assertThat(get("/api/debts/" + a).status()).isEqualTo(404);
		assertThat(lifecycles(a)).isZero();
	}

	@Test
	void csvWithAConflictingRowStoresNothing() {
		String existing = nextId();
		postJson("/api/debts", debt(existing, "C-1", "350.00", "2026-12-15"));
		String fresh = nextId();

		Answer answer = post("/api/debts/import", "text/csv", """
				debtId,debtorId,name,phone,amount,currency,dueDate
				%s,C-1,María Quispe,+51987654321,10.00,PEN,2026-12-15
				%s,C-1,María Quispe,+51987654321,999.00,PEN,2026-12-15
				""".formatted(fresh, existing));

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("errors").get(0).path("row").asInt()).isEqualTo(3);
		assertThat(get("/api/debts/" + fresh).status()).isEqualTo(404);
		assertThat(lifecycles(fresh)).isZero();
	}

	@Test
	void csvWithoutItsColumnsIsRefusedWhole() {
		Answer answer = post("/api/debts/import", "text/csv", "debtId,amount\nX-1,10.00\n");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("errors")).extracting((error) -> error.path("message").asText())
			.contains("misses the column phone");
	}

	@Test
	void cancellingEndsTheLifecycle() {
		String debtId = nextId();
		postJson("/api/debts", debt(debtId, "C-1", "350.00", "2026-12-15"));

		Answer cancelled = post("/api/debts/" + debtId + "/cancel", "application/json", "");

		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.json().path("schedule")).isEmpty();
		assertThat(lifecycles(debtId)).isZero();
		assertThat(post("/api/debts/nope/cancel", "application/json", "").status()).isEqualTo(404);
	}

	@Test
	void apiAndEngineRestNeedALogin() {
		// A user of its own: Camunda delays a user's logins after a wrong password, which would slow the other tests.
		if (this.identityService.createUserQuery().userId("intruder").count() == 0) {
			User user = this.identityService.newUser("intruder");
			user.setPassword("right");
			this.identityService.saveUser(user);
		}
		for (String path : new String[] { "/api/debts/x", "/engine-rest/process-definition", "/simulator" }) {
			Answer anonymous = call(new Request.Builder().url(url(path)).get().build());
			Answer wrong = call(new Request.Builder().url(url(path))
				.header("Authorization", Credentials.basic("intruder", "wrong"))
				.get()
				.build());
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(wrong.status()).as(path).isEqualTo(401);
		}
		Answer posted = call(new Request.Builder().url(url("/api/debts"))
			.post(RequestBody.create(debt(nextId(), "C-1", "1.00", "2026-12-15"), MediaType.get("application/json")))
			.build());
		assertThat(posted.status()).isEqualTo(401);
		assertThat(get("/engine-rest/process-definition/key/DebtLifecycle").status()).isEqualTo(200);
	}

	private long lifecycles(String debtId) {
		return this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId).count();
	}

	private static String nextId() {
		return "API-" + sequence.incrementAndGet();
	}

	private static String debt(String debtId, String debtorId, String amount, String dueDate) {
		return """
				{"debtId":"%s","debtor":{"id":"%s","name":"María Quispe","phone":"+51987654321"},
				 "amount":"%s","currency":"PEN","dueDate":"%s"}
				""".formatted(debtId, debtorId, amount, dueDate);
	}

}
