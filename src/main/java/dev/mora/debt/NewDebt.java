package dev.mora.debt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A debt as an integrator registers it, validated and normalised. */
record NewDebt(String debtId, Debtor debtor, BigDecimal amount, String currency, LocalDate dueDate, String segment,
		ZoneId timezone, String language) {

	/**
	 * The fields in which a stored debt differs from this one, as the API names them; empty when it is the same debt.
	 * The debtor's name and phone count: a debt registered again with another phone is not the same registration
	 * (a debtor's new phone goes through {@code PUT /api/debtors/{id}}).
	 */
	List<String> differencesFrom(Debt stored) {
		List<String> fields = new ArrayList<>();
		differs(fields, "debtor.id", this.debtor.id(), stored.debtor().id());
		differs(fields, "debtor.name", this.debtor.name(), stored.debtor().name());
		differs(fields, "debtor.phone", this.debtor.phone(), stored.debtor().phone());
		if (this.amount.compareTo(stored.amount()) != 0) {
			fields.add("amount");
		}
		differs(fields, "currency", this.currency, stored.currency());
		differs(fields, "dueDate", this.dueDate, stored.dueDate());
		differs(fields, "segment", this.segment, stored.segment());
		differs(fields, "timezone", this.timezone, stored.timezone());
		differs(fields, "language", this.language, stored.language());
		return fields;
	}

	private static void differs(List<String> fields, String field, Object mine, Object stored) {
		if (!Objects.equals(mine, stored)) {
			fields.add(field);
		}
	}

}
