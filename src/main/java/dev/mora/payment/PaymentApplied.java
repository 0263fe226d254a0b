package dev.mora.payment;

/** Published when a payment lowered a debt's balance; after the commit, the debt's lifecycle is told. */
public record PaymentApplied(String debtId, String provider, String paymentId) {

	/** The key of the payment's confirmation message in the outbound ledger. */
	public String confirmationKey() {
		return "PAYMENT:" + this.provider + ":" + this.paymentId;
	}

}
