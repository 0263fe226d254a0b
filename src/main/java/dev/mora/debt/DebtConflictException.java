package dev.mora.debt;

import java.util.List;

/** The debt id is taken by a debt with other content. */
class DebtConflictException extends RuntimeException {

	private final String debtId;

	private final List<String> fields;

	DebtConflictException(String debtId, List<String> fields) {
		super("Debt " + debtId + " is already registered with other content: " + String.join(", ", fields)
				+ " differ");
		this.debtId = debtId;
		this.fields = List.copyOf(fields);
	}

	String debtId() {
		return this.debtId;
	}

	/** The fields that differ from the registered debt, as the API names them. */
	List<String> fields() {
		return this.fields;
	}

}
