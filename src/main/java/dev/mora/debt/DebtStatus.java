package dev.mora.debt;

/** Where a debt stands. Only an {@link #ACTIVE} debt with a balance is collected. */
public enum DebtStatus {

	/** Registered and being collected. */
	ACTIVE,
	/** Paid in full. */
	SETTLED,
	/** Withdrawn by the creditor. */
	CANCELLED,
	/** Replaced by a refinancing plan. */
	REFINANCED,
	/** The reminders are exhausted and an agent collects it by hand. */
	MANUAL_COLLECTION,
	/** Handed to a collection agency. */
	AGENCY,
	/** Proposed for write-off. */
	WRITE_OFF_PROPOSED;

	/**
	 * Whether the debt is still owed, so that a payment lowers its balance: being collected by Mora, or by people
	 * after the reminders (by hand, an agency, a write-off not yet decided).
	 */
	public boolean owed() {
		return this == ACTIVE || this == MANUAL_COLLECTION || this == AGENCY || this == WRITE_OFF_PROPOSED;
	}

}
