package dev.mora.debt;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/** A debt as an integrator registers it, validated and normalised. */
record NewDebt(String debtId, Debtor debtor, BigDecimal amount, String currency, LocalDate dueDate, String segment,
		ZoneId timezone, String language) {

	/**
	 * Whether a stored debt has the same content. The debtor's name and phone are the debtor's master data,
	 * updated by every registration, so they do not make a debt differ.
	 */
	boolean sameContentAs(Debt stored) {
		return this.debtId.equals(stored.debtId()) && this.debtor.id().equals(stored.debtor().id())
				&& this.amount.compareTo(stored.amount()) == 0 && this.currency.equals(stored.currency())
				&& this.dueDate.equals(stored.dueDate()) && this.segment.equals(stored.segment())
				&& this.timezone.equals(stored.timezone()) && Objects.equals(this.language, stored.language());
	}

}
