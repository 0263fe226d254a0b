package dev.mora.debt;

/**
 * A debt as it arrives, every field still text, so that each bad field can be named in the answer instead of
 * failing on the first one.
 */
public record DebtRequest(String debtId, DebtorRequest debtor, String amount, String currency, String dueDate,
		String segment, String timezone, String language) {

	public record DebtorRequest(String id, String name, String phone) {
	}

}
