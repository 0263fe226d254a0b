package dev.mora.payment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import dev.mora.web.Signatures;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.lifecycle.DebtLifecycle;
import dev.mora.testing.ApplicationIT;
import mockwebserver3.MockResponse;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Payments over real HTTP, as a payment provider and a debtor reach Mora. */
class PaymentWebhookIT extends ApplicationIT {

	private static final String SECRET = "simulator-payment-secret";

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	PaymentLinkService links;

	@Autowired
	dev.mora.debt.DebtService debts;

	@Autowired
	PaymentService payments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void partialPaymentPostedTwiceLowersTheBalanceOnceThenTheRestSettlesTheDebt() {
		register("PW-1");
		double recoveredBefore = recoveredBeforeAnyReminder();

		Answer first = webhook(payment("PAY-PW-1a", "PW-1", "100.00", "PEN"));
		Answer again = webhook(payment("PAY-PW-1a", "PW-1", "100.00", "PEN"));

		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("status").asText()).isEqualTo("APPLIED");
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().path("duplicate").asBoolean()).isTrue();
		JsonNode debt = get("/api/debts/PW-1").json();
		assertThat(debt.path("balance").asText()).isEqualTo("250.00");
		assertThat(debt.path("payments")).hasSize(1);
		assertThat(debt.path("schedule")).isNotEmpty();
		ProcessInstance instance = instance("PW-1");
		runJobs(instance);
		assertThat(whatsApp.templatesSent()).containsExactly("mora_pago_parcial");

		assertThat(webhook(payment("PAY-PW-1b", "PW-1", "250.00", "PEN")).status()).isEqualTo(200);
		runJobs(instance);

		assertThat(whatsApp.templatesSent()).containsExactly("mora_pago_parcial", "mora_agradecimiento");
		assertThat(get("/api/debts/PW-1").json().path("status").asText()).isEqualTo("SETTLED");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count())
			.isZero();
		// Managers see what was recovered at which stage, counted once, and no personal data.
		assertThat(recoveredBeforeAnyReminder() - recoveredBefore).isEqualTo(350.0);
		assertThat(call(new Request.Builder().url(url("/actuator/prometheus")).get().build()).body())
			.doesNotContain("María", "987654321", "PW-1");
	}

	/** {@code mora_payments_recovered_total} in soles paid before any reminder, from the Prometheus endpoint. */
	private double recoveredBeforeAnyReminder() {
		String metrics = call(new Request.Builder().url(url("/actuator/prometheus")).get().build()).body();
		Matcher line = Pattern.compile("^mora_payments_recovered_total\\{currency=\"PEN\",stage=\"NONE\"\\} (\\S+)$",
				Pattern.MULTILINE).matcher(metrics);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

	@Test
	void concurrentDeliveriesOfOnePaymentApplyItOnce() throws Exception {
		register("PW-2");
		String body = payment("PAY-PW-2", "PW-2", "10.00", "PEN");
		ExecutorService threads = Executors.newFixedThreadPool(6);
		try {
			List<Callable<Answer>> deliveries = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				deliveries.add(() -> webhook(body));
			}
			List<Integer> statuses = new ArrayList<>();
			for (Future<Answer> answer : threads.invokeAll(deliveries, 60, TimeUnit.SECONDS)) {
				statuses.add(answer.get().status());
			}
			assertThat(statuses).containsOnly(200);
		}
		finally {
			threads.shutdown();
		}

		JsonNode debt = get("/api/debts/PW-2").json();
		assertThat(debt.path("balance").asText()).isEqualTo("340.00");
		assertThat(debt.path("payments")).hasSize(1);
	}

	@Test
	void paymentBeforeItsDebtIsKeptAndAppliedWhenTheDebtIsRegistered() {
		Answer early = webhook(payment("PAY-PW-3", "PW-3", "50.00", "PEN"));
		assertThat(early.status()).isEqualTo(202);
		assertThat(early.json().path("status").asText()).isEqualTo("PENDING");

		register("PW-3");

		JsonNode debt = get("/api/debts/PW-3").json();
		assertThat(debt.path("balance").asText()).isEqualTo("300.00");
		assertThat(debt.path("payments").get(0).path("status").asText()).isEqualTo("APPLIED");
	}

	@Test
	void aPaymentThatCrossedItsDebtsRegistrationIsAppliedByTheSweep() {
		register("PW-12");
		// As if the payment's transaction had not seen the debt committing at the same moment.
		this.jdbc.sql("""
				INSERT INTO payment (provider, payment_id, debt_id, amount, currency, paid_at, status, detail, received_at)
				VALUES ('mora', 'PAY-PW-12', 'PW-12', 70.00, 'PEN', ?, 'PENDING', 'debt not registered yet', ?)
				""")
			.params(OffsetDateTime.now(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1))
			.update();

		this.payments.applyPendingOfRegisteredDebts();
		this.payments.applyPendingOfRegisteredDebts();

		JsonNode debt = get("/api/debts/PW-12").json();
		assertThat(debt.path("balance").asText()).isEqualTo("280.00");
		assertThat(debt.path("payments").get(0).path("status").asText()).isEqualTo("APPLIED");
	}

	@Test
	void paymentInAnotherCurrencyIsRefusedAndKeptAsRejected() {
		register("PW-4");

		Answer answer = webhook(payment("PAY-PW-4", "PW-4", "350.00", "USD"));

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.contentType()).startsWith("application/problem+json");
		assertThat(answer.json().path("detail").asText()).contains("USD", "PEN");
		JsonNode debt = get("/api/debts/PW-4").json();
		assertThat(debt.path("balance").asText()).isEqualTo("350.00");
		assertThat(debt.path("payments").get(0).path("status").asText()).isEqualTo("REJECTED");
	}

	@Test
	void overpaymentIsShownAsCredit() {
		register("PW-5");

		webhook(payment("PAY-PW-5", "PW-5", "400.00", "PEN"));

		JsonNode debt = get("/api/debts/PW-5").json();
		assertThat(debt.path("status").asText()).isEqualTo("SETTLED");
		assertThat(debt.path("balance").asText()).isEqualTo("0.00");
		assertThat(debt.path("credit").asText()).isEqualTo("50.00");
	}

	@Test
	void badOrMissingSignatureChangesNothing() {
		register("PW-6");
		String body = payment("PAY-PW-6", "PW-6", "100.00", "PEN");

		Answer missing = call(new Request.Builder().url(url("/webhooks/payments"))
			.post(RequestBody.create(body, MediaType.get("application/json")))
			.build());
		Answer forged = call(new Request.Builder().url(url("/webhooks/payments"))
			.header("X-Mora-Signature", "sha256=" + Signatures.hex("guess", body.getBytes(StandardCharsets.UTF_8)))
			.post(RequestBody.create(body, MediaType.get("application/json")))
			.build());

		assertThat(missing.status()).isEqualTo(401);
		assertThat(forged.status()).isEqualTo(401);
		assertThat(get("/api/debts/PW-6").json().path("payments")).isEmpty();
	}

	@Test
	void badFieldsAreNamed() {
		Answer answer = webhook("""
				{"paymentId":"","debtId":"PW 7","amount":"-1","currency":"soles","paidAt":"ayer"}
				""");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.json().path("errors")).extracting((error) -> error.path("field").asText())
			.containsExactly("paymentId", "debtId", "amount", "currency", "paidAt");
	}

	@Test
	void mercadoPagoNotificationIsVerifiedFetchedAndApplied() {
		register("PW-8");

		Answer answer = mercadoPagoNotifies("99887766", "req-8", "120.00", "PW-8");

		assertThat(answer.status()).isEqualTo(200);
		JsonNode debt = get("/api/debts/PW-8").json();
		assertThat(debt.path("balance").asText()).isEqualTo("230.00");
		assertThat(debt.path("payments").get(0).path("provider").asText()).isEqualTo("mercadopago");
	}

	@Test
	void mercadoPagoPaymentOfAnotherIntegrationIsAcknowledgedAndIgnored() {
		Answer answer = mercadoPagoNotifies("55443322", "req-11", "10.00", "order-" + "9".repeat(80));

		// A 2xx, or Mercado Pago would retry for days; nothing stored.
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.body()).contains("not a Mora debt id");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM payment WHERE payment_id = '55443322'").query(Long.class)
			.single()).isZero();
	}

	/** Mercado Pago's signed notification of an approved payment, which Mora then fetches from its API. */
	private Answer mercadoPagoNotifies(String paymentId, String requestId, String amount, String externalReference) {
		mercadoPago.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", "application/json")
			.body("""
					{"id":%s,"status":"approved","transaction_amount":%s,"currency_id":"PEN",
					 "external_reference":"%s","date_approved":"2026-12-10T11:04:05.000-05:00"}
					""".formatted(paymentId, amount, externalReference))
			.build());
		String ts = "1765382645000";
		String v1 = Signatures.hex(MERCADO_PAGO_SECRET,
				("id:" + paymentId + ";request-id:" + requestId + ";ts:" + ts + ";").getBytes(StandardCharsets.UTF_8));
		return call(new Request.Builder().url(url("/webhooks/mercadopago?data.id=" + paymentId + "&type=payment"))
			.header("x-signature", "ts=" + ts + ",v1=" + v1)
			.header("x-request-id", requestId)
			.post(RequestBody.create("{\"action\":\"payment.created\",\"data\":{\"id\":\"" + paymentId
					+ "\"},\"type\":\"payment\"}", MediaType.get("application/json")))
			.build());
	}

	@Test
	void mercadoPagoNotificationWithABadSignatureIsRefused() {
		int before = mercadoPago.getRequestCount();

		Answer answer = call(new Request.Builder().url(url("/webhooks/mercadopago?data.id=1&type=payment"))
			.header("x-signature", "ts=1,v1=00")
			.header("x-request-id", "req-9")
			.post(RequestBody.create("{}", MediaType.get("application/json")))
			.build());

		assertThat(answer.status()).isEqualTo(401);
		assertThat(mercadoPago.getRequestCount()).isEqualTo(before);
	}

	@Test
	void thePayPageShowsTheDebtAndRecordsADemoPayment() {
		register("PW-10");
		String link = this.links.linkFor(this.debts.get("PW-10")).url();
		String path = link.substring(link.indexOf("/pay/"));

		Answer page = call(new Request.Builder().url(url(path)).get().build());
		Answer paid = call(new Request.Builder().url(url(path)).post(RequestBody.create(new byte[0])).build());

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("María", "S/ 350.00", "PW-10");
		assertThat(paid.status()).isEqualTo(200);
		assertThat(paid.body()).contains("No tienes nada pendiente");
		assertThat(get("/api/debts/PW-10").json().path("status").asText()).isEqualTo("SETTLED");
		assertThat(call(new Request.Builder().url(url("/pay/PW-10.forged")).get().build()).status()).isEqualTo(404);
	}

	private Answer webhook(String body) {
		return call(new Request.Builder().url(url("/webhooks/payments"))
			.header("X-Mora-Signature", "sha256=" + Signatures.hex(SECRET, body.getBytes(StandardCharsets.UTF_8)))
			.post(RequestBody.create(body.getBytes(StandardCharsets.UTF_8), MediaType.get("application/json")))
			.build());
	}

	private void register(String debtId) {
		Answer created = postJson("/api/debts", """
				{"debtId":"%s","debtor":{"id":"C-%s","name":"María Quispe","phone":"+51987654321"},
				 "amount":"350.00","currency":"PEN","dueDate":"2027-03-15"}
				""".formatted(debtId, debtId));
		assertThat(created.status()).isEqualTo(201);
	}

	private ProcessInstance instance(String debtId) {
		return this.runtimeService.createProcessInstanceQuery()
			.processDefinitionKey(DebtLifecycle.KEY)
			.processInstanceBusinessKey(debtId)
			.singleResult();
	}

	/** Runs the instance's due asynchronous jobs (sends), not its timers. */
	private void runJobs(ProcessInstance instance) {
		this.managementService.createJobQuery().processInstanceId(instance.getId()).messages().list()
			.forEach((job) -> this.managementService.executeJob(job.getId()));
	}

	private static String payment(String paymentId, String debtId, String amount, String currency) {
		return """
				{"paymentId":"%s","debtId":"%s","amount":"%s","currency":"%s","paidAt":"2026-12-10T15:04:05Z"}
				""".formatted(paymentId, debtId, amount, currency);
	}

}
