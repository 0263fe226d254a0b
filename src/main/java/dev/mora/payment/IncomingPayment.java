package dev.mora.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as a provider reports it, validated. */
public record IncomingPayment(String provider, String paymentId, String debtId, BigDecimal amount, String currency,
		Instant paidAt) {
}
