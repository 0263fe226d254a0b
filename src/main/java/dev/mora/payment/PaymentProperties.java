package dev.mora.payment;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Payments.
 *
 * @param webhookSecret the secret that signs {@code POST /webhooks/payments}
 * @param linkTemplate the payment link of a debt, with {@code {debtId}} in it; the WhatsApp URL button carries the
 * part from {@code {debtId}} on, so register the template's button URL as the part before it followed by
 * {@code {{1}}}
 */
@Validated
@ConfigurationProperties("mora.payments")
public record PaymentProperties(String webhookSecret, @NotBlank String linkTemplate) {

	static final String DEBT_ID = "{debtId}";

}
