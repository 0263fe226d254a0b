package dev.mora;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;

import dev.mora.testing.CloudApiServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import okhttp3.Credentials;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Mora on a real PostgreSQL: Flyway's migrations, Camunda's schema, a debt's registration and a reminder that the
 * Cloud API refuses once, then takes on the job's retry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.job-execution.enabled=false")
@ActiveProfiles("postgres")
// The context closes right after this class, while PostgreSQL still runs; the server stops when the JVM exits.
@DirtiesContext
class PostgresIT {

	private static final EmbeddedPostgres postgres = start();

	private static final CloudApiServer whatsApp = new CloudApiServer();

	private static final ZoneId LIMA = ZoneId.of("America/Lima");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres"));
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "postgres");
		registry.add("mora.whatsapp.api-base-url", whatsApp::baseUrl);
	}

	@Test
	void migratesAndRegistersADebtWithItsLifecycle() throws IOException {
		assertThat(this.jdbc.sql("SELECT version()").query(String.class).single()).startsWith("PostgreSQL");
		String body = """
				{"debtId":"PG-1","debtor":{"id":"C-1","name":"María Quispe","phone":"+51987654321"},
				 "amount":"1234.56","currency":"PEN","dueDate":"2026-12-15"}
				""";
		assertThat(postDebt(body)).isEqualTo(201);
		assertThat(postDebt(body)).isEqualTo(200);

		assertThat(this.jdbc.sql("SELECT balance FROM debt WHERE debt_id = 'PG-1'").query(String.class).single())
			.isEqualTo("1234.56");
		assertThat(this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PG-1").count())
			.isEqualTo(1);
	}

	@Test
	void aReminderRefusedOnceIsSentOnceOnItsRetry() throws IOException {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(12, 0).atZone(LIMA).toInstant()));
		try {
			String body = """
					{"debtId":"PG-2","debtor":{"id":"C-2","name":"José Pérez","phone":"+51912345678"},
					 "amount":"80.00","currency":"PEN","dueDate":"2026-12-15"}
					""";
			assertThat(postDebt(body)).isEqualTo(201);
			String instance = this.runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("PG-2")
				.singleResult()
				.getId();
			Job timer = this.managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
			ClockUtil.setCurrentTime(timer.getDuedate());
			this.managementService.executeJob(timer.getId());
			whatsApp.reset();
			whatsApp.answerNext(429, "error-130429-rate-limit.json");

			String send = this.managementService.createJobQuery().processInstanceId(instance).singleResult().getId();
			assertThatThrownBy(() -> this.managementService.executeJob(send)).hasMessageContaining("130429");
			this.managementService.executeJob(send);

			assertThat(whatsApp.callbacksSent()).containsExactly("PG-2/PRE_DUE", "PG-2/PRE_DUE");
			assertThat(this.jdbc.sql("SELECT status FROM outbound_message WHERE debt_id = 'PG-2'").query(String.class)
				.single()).isEqualTo("ACCEPTED");
			assertThat(this.managementService.createJobQuery().processInstanceId(instance).timers().count()).isOne();
		}
		finally {
			ClockUtil.reset();
		}
	}

	/** Registers a debt over HTTP as the demo user; the answer's status. */
	private int postDebt(String body) throws IOException {
		Request request = new Request.Builder().url("http://localhost:" + this.port + "/api/debts")
			.header("Authorization", Credentials.basic("demo", "demo"))
			.post(RequestBody.create(body, MediaType.get("application/json")))
			.build();
		try (Response response = new OkHttpClient().newCall(request).execute()) {
			return response.code();
		}
	}

	private static EmbeddedPostgres start() {
		try {
			return EmbeddedPostgres.builder().start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
