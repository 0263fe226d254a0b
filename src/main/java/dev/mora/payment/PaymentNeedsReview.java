package dev.mora.payment;

import java.math.BigDecimal;

/** Published when money arrived for a debt that is no longer collected: an agent decides what to do with it. */
public record PaymentNeedsReview(String debtId, String provider, String paymentId, BigDecimal amount, String currency,
		String reason) {
}
