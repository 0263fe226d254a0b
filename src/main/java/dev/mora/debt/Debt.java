package dev.mora.debt;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A debt as stored. {@code balance} is what is still owed; {@code credit} what was paid over it. {@code stage} is the
 * last dunning stage that was sent, or {@code null} before the first. {@code promisedUntil} is the day the debtor
 * promised to pay by, if they did: escalation waits until the day after it.
 */
public record Debt(String debtId, Debtor debtor, BigDecimal amount, BigDecimal balance, BigDecimal credit,
		String currency,
		LocalDate dueDate, String segment, ZoneId timezone, String language, DebtStatus status, String stage,
		LocalDate promisedUntil, Instant createdAt) {

	/** Whether Mora should still try to collect it: active, with something left to pay. */
	public boolean isCollectable() {
		return this.status == DebtStatus.ACTIVE && this.balance.signum() > 0;
	}

}
