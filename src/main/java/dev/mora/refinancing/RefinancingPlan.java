package dev.mora.refinancing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Equal monthly instalments of a balance: the rounding remainder goes on the last one, and each falls on the day of
 * the month of the first (or the month's last day, when it has fewer days).
 */
public final class RefinancingPlan {

	public static final int MIN_INSTALLMENTS = 2;

	public static final int MAX_INSTALLMENTS = 12;

	private RefinancingPlan() {
	}

	public static List<Instalment> of(BigDecimal balance, int installments, LocalDate firstDueDate) {
		if (installments < MIN_INSTALLMENTS || installments > MAX_INSTALLMENTS) {
			throw new IllegalArgumentException(
					"installments must be " + MIN_INSTALLMENTS + " to " + MAX_INSTALLMENTS + ", not " + installments);
		}
		BigDecimal equal = balance.divide(BigDecimal.valueOf(installments), 2, RoundingMode.DOWN);
		List<Instalment> plan = new ArrayList<>();
		for (int n = 1; n <= installments; n++) {
			BigDecimal amount = (n < installments) ? equal
					: balance.subtract(equal.multiply(BigDecimal.valueOf(installments - 1)));
			plan.add(new Instalment(n, amount, firstDueDate.plusMonths(n - 1)));
		}
		return plan;
	}

	/** One instalment: its number (1-based), amount and due date. */
	public record Instalment(int number, BigDecimal amount, LocalDate dueDate) {
	}

}
