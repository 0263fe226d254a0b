package dev.mora.debt;

/** The debt id is taken by a debt with other content. */
class DebtConflictException extends RuntimeException {

	private final String debtId;

	DebtConflictException(String debtId) {
		super("Debt " + debtId + " is already registered with other content");
		this.debtId = debtId;
	}

	String debtId() {
		return this.debtId;
	}

}
