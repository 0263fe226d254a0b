package dev.mora.debt;

/** No debt of this debtor was ever registered. */
class DebtorNotFoundException extends RuntimeException {

	DebtorNotFoundException(String debtorId) {
		super("No debtor " + debtorId);
	}

}
