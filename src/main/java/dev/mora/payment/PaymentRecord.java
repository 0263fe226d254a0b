package dev.mora.payment;

import java.math.BigDecimal;
import java.time.Instant;

/** A payment as the ledger keeps it. */
public record PaymentRecord(String provider, String paymentId, String debtId, BigDecimal amount, String currency,
		Instant paidAt, String status, String detail, Instant receivedAt, Instant correlatedAt) {
}
