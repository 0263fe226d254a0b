package dev.mora.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtStatus;
import dev.mora.debt.Debtor;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Mercado Pago adapter against a real HTTP server answering the documented shapes. */
class MercadoPagoClientTest {

	private final ObjectMapper json = new ObjectMapper();

	private final MockWebServer server = new MockWebServer();

	private MercadoPagoClient client;

	@BeforeEach
	void start() throws IOException {
		this.server.start(0);
		this.client = new MercadoPagoClient(new OkHttpClient(), this.json, this.server.url("/").toString(),
				"APP_USR-token");
	}

	@AfterEach
	void stop() {
		this.server.close();
	}

	@Test
	void createsACheckoutPreferenceForTheBalanceReferencingTheDebt() throws Exception {
		this.server.enqueue(json(201, """
				{"id":"202809963-920c288b-4ebb-40be-966f-700250fa5370",
				 "init_point":"https://www.mercadopago.com.pe/checkout/v1/redirect?pref_id=202809963-920c288b",
				 "sandbox_init_point":"https://sandbox.mercadopago.com.pe/checkout/v1/redirect?pref_id=202809963-920c288b"}
				"""));

		String link = this.client.createPreference(debt(), Instant.parse("2026-12-18T15:00:00Z"),
				"https://mora.example.pe/webhooks/mercadopago");

		assertThat(link).isEqualTo("https://www.mercadopago.com.pe/checkout/v1/redirect?pref_id=202809963-920c288b");
		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/checkout/preferences");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer APP_USR-token");
		JsonNode body = this.json.readTree(request.getBody().utf8());
		assertThat(body.path("external_reference").asText()).isEqualTo("INV-1001");
		assertThat(body.path("items").get(0).path("unit_price").decimalValue()).isEqualByComparingTo("250.50");
		assertThat(body.path("items").get(0).path("currency_id").asText()).isEqualTo("PEN");
		assertThat(body.path("items").get(0).path("quantity").asInt()).isEqualTo(1);
		assertThat(body.path("expires").asBoolean()).isTrue();
		assertThat(body.path("expiration_date_to").asText()).isEqualTo("2026-12-18T10:00:00.000-05:00");
		assertThat(body.path("notification_url").asText()).isEqualTo("https://mora.example.pe/webhooks/mercadopago");
	}

	@Test
	void readsAnApprovedPaymentExactly() throws Exception {
		this.server.enqueue(json(200, """
				{"id":1234567890,"status":"approved","status_detail":"accredited","transaction_amount":100.10,
				 "currency_id":"PEN","external_reference":"INV-1001","date_approved":"2026-12-10T11:04:05.000-04:00"}
				"""));

		MercadoPagoClient.Payment payment = this.client.payment("1234567890").orElseThrow();

		assertThat(payment.approved()).isTrue();
		assertThat(payment.id()).isEqualTo("1234567890");
		assertThat(payment.amount()).isEqualTo(new BigDecimal("100.10"));
		assertThat(payment.currency()).isEqualTo("PEN");
		assertThat(payment.externalReference()).isEqualTo("INV-1001");
		assertThat(payment.approvedAt()).isEqualTo(Instant.parse("2026-12-10T15:04:05Z"));
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/payments/1234567890");
	}

	@Test
	void unknownPaymentIsEmptyAndAnOutageIsAnError() {
		this.server.enqueue(json(404, "{\"message\":\"Payment not found\",\"error\":\"not_found\",\"status\":404}"));
		this.server.enqueue(json(500, "{\"message\":\"internal_error\"}"));

		assertThat(this.client.payment("1")).isEmpty();
		assertThatThrownBy(() -> this.client.payment("2")).isInstanceOf(MercadoPagoClient.MercadoPagoException.class);
	}

	private static MockResponse json(int status, String body) {
		return new MockResponse.Builder().code(status).setHeader("Content-Type", "application/json").body(body).build();
	}

	private static Debt debt() {
		return new Debt("INV-1001", new Debtor("C-1", "María Quispe", "+51987654321"), new BigDecimal("350.00"),
				new BigDecimal("250.50"), BigDecimal.ZERO, "PEN", LocalDate.of(2026, 12, 15), "STANDARD",
				ZoneId.of("America/Lima"), "es", DebtStatus.ACTIVE, null, null, Instant.parse("2026-12-01T00:00:00Z"));
	}

}
