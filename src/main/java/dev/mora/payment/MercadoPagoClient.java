package dev.mora.payment;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mora.debt.Debt;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Mercado Pago's API: a checkout preference per debt (its {@code init_point} is where the debtor pays), and the
 * payments its notifications point to.
 */
public class MercadoPagoClient {

	private static final MediaType JSON = MediaType.get("application/json");

	private static final DateTimeFormatter EXPIRATION = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	private final OkHttpClient http;

	private final ObjectMapper json;

	private final ObjectReader reader;

	private final HttpUrl baseUrl;

	private final String accessToken;

	public MercadoPagoClient(OkHttpClient http, ObjectMapper json, String baseUrl, String accessToken) {
		this.http = http;
		this.json = json;
		this.reader = json.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
		this.baseUrl = HttpUrl.get(baseUrl);
		this.accessToken = accessToken;
	}

	/**
	 * Creates a checkout preference for the debt's balance.
	 * @return the checkout link ({@code init_point})
	 */
	public String createPreference(Debt debt, Instant expiresAt, String notificationUrl) {
		ObjectNode body = this.json.createObjectNode();
		ObjectNode item = body.putArray("items").addObject();
		item.put("id", debt.debtId());
		item.put("title", "Deuda " + debt.debtId());
		item.put("quantity", 1);
		item.put("currency_id", debt.currency());
		item.put("unit_price", debt.balance());
		body.put("external_reference", debt.debtId());
		body.put("expires", true);
		body.put("expiration_date_to", EXPIRATION.format(expiresAt.atZone(debt.timezone())));
		if (notificationUrl != null && !notificationUrl.isBlank()) {
			body.put("notification_url", notificationUrl);
		}
		body.putObject("payer").put("name", debt.debtor().name());
		JsonNode answer = call(new Request.Builder().url(this.baseUrl.resolve("/checkout/preferences"))
			.post(RequestBody.create(body.toString(), JSON)));
		JsonNode link = answer.path("init_point");
		if (!link.isTextual()) {
			throw new MercadoPagoException("the preference has no init_point", false);
		}
		return link.asText();
	}

	/** The payment, as Mercado Pago reports it; empty when it does not exist. */
	public Optional<Payment> payment(String paymentId) {
		HttpUrl url = this.baseUrl.newBuilder().addPathSegment("v1").addPathSegment("payments")
			.addPathSegment(paymentId).build();
		JsonNode answer;
		try {
			answer = call(new Request.Builder().url(url).get());
		}
		catch (MercadoPagoException ex) {
			if (ex.notFound()) {
				return Optional.empty();
			}
			throw ex;
		}
		String approved = answer.path("date_approved").asText(null);
		return Optional.of(new Payment(answer.path("id").asText(), answer.path("status").asText(),
				answer.path("transaction_amount").decimalValue().setScale(2, RoundingMode.HALF_UP),
				answer.path("currency_id").asText(), answer.path("external_reference").asText(null),
				(approved != null) ? OffsetDateTime.parse(approved).toInstant() : null));
	}

	private JsonNode call(Request.Builder request) {
		try (Response response = this.http.newCall(request.header("Authorization", "Bearer " + this.accessToken)
			.build()).execute()) {
			String text = response.body().string();
			if (!response.isSuccessful()) {
				throw new MercadoPagoException("HTTP " + response.code() + ": " + abbreviate(text),
						response.code() == 404);
			}
			return this.reader.readTree(text);
		}
		catch (IOException ex) {
			throw new MercadoPagoException("unreachable: " + ex.getMessage(), false);
		}
	}

	private static String abbreviate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

	/** A payment: {@code status} is {@code approved} once the money is in. */
	public record Payment(String id, String status, BigDecimal amount, String currency, String externalReference,
			Instant approvedAt) {

		public boolean approved() {
			return "approved".equals(this.status);
		}

	}

	/** A call Mercado Pago refused or did not answer. */
	public static class MercadoPagoException extends RuntimeException {

		private final boolean notFound;

		MercadoPagoException(String message, boolean notFound) {
			super("Mercado Pago: " + message);
			this.notFound = notFound;
		}

		boolean notFound() {
			return this.notFound;
		}

	}


}
