package dev.mora.payment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Payments.
 *
 * @param webhookSecret the secret that signs {@code POST /webhooks/payments}
 * @param linkTemplate a debt's payment link, with {@code {token}} (a signed reference to the debt) or
 * {@code {debtId}} in it; the WhatsApp URL button carries the part from that placeholder on, so register the
 * template's button URL as the part before it followed by {@code {{1}}}
 * @param linkSecret signs the {@code {token}} of payment links
 * @param provider {@code mora} (the built-in pay page, for demos) or {@code mercadopago}
 * @param mercadoPago the Mercado Pago account, when it is the provider
 */
@Validated
@ConfigurationProperties("mora.payments")
public record PaymentProperties(@NotBlank String webhookSecret, @NotBlank String linkTemplate,
		@NotBlank String linkSecret, @NotNull @DefaultValue("mora") Provider provider,
		@Valid @DefaultValue MercadoPago mercadoPago) {

	static final String TOKEN = "{token}";

	static final String DEBT_ID = "{debtId}";

	public enum Provider {

		/** Mora's own pay page records the payment: the demo loop, with no provider. */
		MORA,
		/** A Mercado Pago checkout. */
		MERCADOPAGO

	}

	/**
	 * @param apiBaseUrl the API's base URL
	 * @param accessToken the seller's access token
	 * @param webhookSecret the secret of the notification webhook's {@code x-signature}
	 * @param notificationUrl where Mercado Pago notifies payments: Mora's {@code /webhooks/mercadopago}
	 * @param linkValidity how long a checkout link may be paid
	 */
	public record MercadoPago(@DefaultValue("https://api.mercadopago.com") String apiBaseUrl, String accessToken,
			String webhookSecret, String notificationUrl, @DefaultValue("P7D") Duration linkValidity) {
	}

}
