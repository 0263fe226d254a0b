package dev.mora.debt;

/** No debt has this id. */
public class DebtNotFoundException extends RuntimeException {

	public DebtNotFoundException(String debtId) {
		super("No debt " + debtId);
	}

}
