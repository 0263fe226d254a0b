package dev.mora.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import dev.mora.lifecycle.DebtLifecycle;
import dev.mora.payment.PaymentLedger;
import dev.mora.payment.PaymentRecord;
import dev.mora.testing.ApplicationIT;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mora's API answers each Camunda user by what Camunda Admin grants on the debts' lifecycles: an agent may do none of
 * it, a supervisor reads, a creditor's system granted to start and change lifecycles registers and cancels debts.
 * What is refused is a 403 problem naming the permissions missing, and changes nothing.
 */
class ApiPermissionsIT extends ApplicationIT {

	private static final String INTEGRATION = "integracion";

	private static final String REGISTRAR = "registrador";

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	HistoryService historyService;

	@Autowired
	PaymentLedger payments;

	@Test
	void anAgentMayNeitherRegisterNorReadNorChangeDebts() {
		Answer refused = callAs("agente", "POST", "/api/debts", debt("AP-1", "C-AP-1"));

		assertForbidden(refused);
		assertThat(refused.json().path("missingAuthorizations").get(0).path("permission").asText()).isEqualTo("CREATE");
		assertThat(refused.json().path("missingAuthorizations").get(0).path("resourceType").asText())
			.isEqualTo("ProcessInstance");
		assertThat(get("/api/debts/AP-1").status()).isEqualTo(404);
		assertThat(lifecycles("AP-1")).isZero();

		// Refused also where the engine would not be asked: the same debt again starts nothing but shows the debt.
		assertThat(postJson("/api/debts", debt("AP-2", "C-AP-2")).status()).isEqualTo(201);
		assertForbidden(callAs("agente", "POST", "/api/debts", debt("AP-2", "C-AP-2")));
		assertForbidden(call(new Request.Builder().url(url("/api/debts/import"))
			.header("Authorization", Credentials.basic("agente", "agente"))
			.post(RequestBody.create("debtId,debtorId,name,phone,amount,currency,dueDate,segment\n"
					+ "AP-3,C-AP-3,Ana Ruiz,+51955555555,80.00,PEN,2026-12-20,\n", MediaType.get("text/csv")))
			.build()));
		assertForbidden(callAs("agente", "GET", "/api/debts/AP-2", null));
		assertForbidden(callAs("agente", "GET", "/api/debtors/C-AP-2/contacts", null));
		assertForbidden(callAs("agente", "POST", "/api/debts/AP-2/cancel", null));
		assertForbidden(callAs("agente", "PUT", "/api/debtors/C-AP-2/do-not-contact", "{\"reason\":\"no más\"}"));
		assertForbidden(callAs("agente", "PUT", "/api/debtors/C-AP-2", """
				{"name":"Otra Persona","phone":"+51987000111"}
				"""));
		assertForbidden(callAs("agente", "POST", "/api/whatsapp/resume", null));
		assertThat(get("/api/debts/AP-3").status()).isEqualTo(404);
		assertThat(get("/api/debts/AP-2").json().path("status").asText()).isEqualTo("ACTIVE");
		assertThat(get("/api/debtors/C-AP-2/contacts").json().has("blocked")).isFalse();
		assertThat(get("/api/debts/AP-2").json().path("debtor").path("name").asText()).isEqualTo("María Quispe");
	}

	@Test
	void aSupervisorReadsDebtsButChangesNothing() {
		assertThat(postJson("/api/debts", debt("AP-4", "C-AP-4")).status()).isEqualTo(201);

		assertThat(callAs("supervisor", "GET", "/api/debts/AP-4", null).json().path("schedule")).isNotEmpty();
		assertThat(callAs("supervisor", "GET", "/api/debtors/C-AP-4/contacts", null).status()).isEqualTo(200);
		Answer cancel = callAs("supervisor", "POST", "/api/debts/AP-4/cancel", null);
		assertForbidden(cancel);
		assertThat(cancel.json().path("missingAuthorizations")).hasSize(2);
		assertForbidden(callAs("supervisor", "POST", "/api/debts", debt("AP-5", "C-AP-5")));
		assertThat(get("/api/debts/AP-4").json().path("status").asText()).isEqualTo("ACTIVE");
	}

	@Test
	void aCreditorsSystemGrantedTheLifecyclePermissionsRegistersAndCancelsDebtsAsItself() {
		integrationUser();

		Answer registered = callAs(INTEGRATION, "POST", "/api/debts", debt("AP-6", "C-AP-6"));
		Answer read = callAs(INTEGRATION, "GET", "/api/debts/AP-6", null);
		Answer cancelled = callAs(INTEGRATION, "POST", "/api/debts/AP-6/cancel", null);

		assertThat(registered.status()).isEqualTo(201);
		assertThat(read.json().path("schedule")).isNotEmpty();
		assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
		assertThat(lifecycles("AP-6")).isZero();
		// The lifecycle was started as the user, not as the system: history says who.
		assertThat(this.historyService.createHistoricProcessInstanceQuery()
			.processInstanceBusinessKey("AP-6")
			.singleResult()
			.getStartUserId()).isEqualTo(INTEGRATION);
	}

	@Test
	void aPaymentThatWaitedForItsDebtWakesTheLifecycleAsTheSystemWhenAUserWhoMayOnlyStartItRegistersIt() {
		user(REGISTRAR, "debt-registrars");
		grant("debt-registrars", Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
		grant("debt-registrars", Resources.PROCESS_DEFINITION, DebtLifecycle.KEY,
				ProcessDefinitionPermissions.CREATE_INSTANCE);
		byte[] payment = """
				{"paymentId":"PAY-AP-7","debtId":"AP-7","amount":"50.00","currency":"PEN",
				 "paidAt":"2026-12-10T15:04:05Z"}
				""".getBytes(StandardCharsets.UTF_8);
		assertThat(call(new Request.Builder().url(url("/webhooks/payments"))
			.header("X-Mora-Signature", "sha256=" + Signatures.hex("simulator-payment-secret", payment))
			.post(RequestBody.create(payment, MediaType.get("application/json")))
			.build()).status()).isEqualTo(202);

		assertThat(callAs(REGISTRAR, "POST", "/api/debts", debt("AP-7", "C-AP-7")).status()).isEqualTo(201);

		assertThat(get("/api/debts/AP-7").json().path("balance").asText()).isEqualTo("300.00");
		// Correlated right away, not left to the sweep: the registrar may not update lifecycles, the system may.
		assertThat(this.payments.uncorrelated(Instant.now().plus(Duration.ofDays(1))))
			.extracting(PaymentRecord::paymentId)
			.doesNotContain("PAY-AP-7");
		assertForbidden(callAs(REGISTRAR, "GET", "/api/debts/AP-7", null));
	}

	@Test
	void theAdministratorResumesSending() {
		Answer resumed = post("/api/whatsapp/resume", "application/json", "");

		assertThat(resumed.status()).isEqualTo(200);
		assertThat(resumed.json().has("resumed")).isTrue();
	}

	private long lifecycles(String debtId) {
		return this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(debtId).count();
	}

	private static void assertForbidden(Answer answer) {
		assertThat(answer.status()).as(answer.body()).isEqualTo(403);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("title").asText()).isEqualTo("Forbidden");
		assertThat(answer.json().path("detail").asText()).contains("does not have");
		assertThat(answer.body()).doesNotContain("Exception", "\tat ", "trace");
	}

	/** What an administrator grants a creditor's system in Camunda Admin, to a group of its own. */
	private void integrationUser() {
		user(INTEGRATION, "creditor-systems");
		grant("creditor-systems", Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.CREATE);
		grant("creditor-systems", Resources.PROCESS_DEFINITION, DebtLifecycle.KEY,
				ProcessDefinitionPermissions.CREATE_INSTANCE, ProcessDefinitionPermissions.READ_INSTANCE,
				ProcessDefinitionPermissions.UPDATE_INSTANCE);
	}

	/** A user whose password is its id, alone in a group. */
	private void user(String id, String group) {
		User user = this.identityService.newUser(id);
		user.setPassword(id);
		this.identityService.saveUser(user);
		Group newGroup = this.identityService.newGroup(group);
		this.identityService.saveGroup(newGroup);
		this.identityService.createMembership(id, group);
	}

	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		List.of(permissions).forEach(authorization::addPermission);
		this.authorizationService.saveAuthorization(authorization);
	}

	private static String debt(String debtId, String debtorId) {
		return """
				{"debtId":"%s","debtor":{"id":"%s","name":"María Quispe","phone":"+51987654321"},
				 "amount":"350.00","currency":"PEN","dueDate":"2026-12-15"}
				""".formatted(debtId, debtorId);
	}

}
