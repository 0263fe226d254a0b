package dev.mora.payment;

/**
 * The answer to a reported payment.
 *
 * @param status what became of it
 * @param duplicate whether it had been received before (and was not applied again)
 * @param detail why, in words
 */
public record PaymentReceipt(String provider, String paymentId, String debtId, PaymentStatus status,
		boolean duplicate, String detail) {
}
