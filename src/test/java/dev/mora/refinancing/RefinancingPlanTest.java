package dev.mora.refinancing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefinancingPlanTest {

	@Test
	void equalInstalmentsWithTheRemainderOnTheLast() {
		List<RefinancingPlan.Instalment> plan = RefinancingPlan.of(new BigDecimal("1000.00"), 3,
				LocalDate.of(2026, 12, 20));

		assertThat(plan).extracting(RefinancingPlan.Instalment::amount)
			.containsExactly(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
		assertThat(plan.stream().map(RefinancingPlan.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
			.isEqualByComparingTo("1000.00");
		assertThat(plan).extracting(RefinancingPlan.Instalment::dueDate)
			.containsExactly(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 20), LocalDate.of(2027, 2, 20));
	}

	@Test
	void monthEndsAndTheTwentyNinthOfFebruary() {
		List<RefinancingPlan.Instalment> plan = RefinancingPlan.of(new BigDecimal("100.00"), 4,
				LocalDate.of(2028, 1, 31));

		assertThat(plan).extracting(RefinancingPlan.Instalment::dueDate)
			.containsExactly(LocalDate.of(2028, 1, 31), LocalDate.of(2028, 2, 29), LocalDate.of(2028, 3, 31),
					LocalDate.of(2028, 4, 30));
	}

	@Test
	void sumIsExactForAwkwardAmounts() {
		for (int n = 2; n <= 12; n++) {
			List<RefinancingPlan.Instalment> plan = RefinancingPlan.of(new BigDecimal("900.01"), n,
					LocalDate.of(2027, 1, 1));
			assertThat(plan.stream().map(RefinancingPlan.Instalment::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
				.as("%d instalments", n)
				.isEqualByComparingTo("900.01");
			assertThat(plan.get(n - 1).amount()).isGreaterThanOrEqualTo(plan.get(0).amount());
		}
	}

	@Test
	void twoToTwelveInstalments() {
		assertThatThrownBy(() -> RefinancingPlan.of(BigDecimal.TEN, 1, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> RefinancingPlan.of(BigDecimal.TEN, 13, LocalDate.of(2027, 1, 1)))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
