package dev.mora.payment;

/** What became of a payment. */
public enum PaymentStatus {

	/** Lowered the debt's balance. */
	APPLIED,
	/** For a debt Mora does not know yet: applied when the debt is registered. */
	PENDING,
	/** In another currency than the debt's: kept, not applied. */
	REJECTED,
	/** For a debt no longer collected (cancelled, refinanced, handed over): an agent decides. */
	REVIEW

}
