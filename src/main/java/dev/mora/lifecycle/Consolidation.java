package dev.mora.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.strategy.DunningSchedule;
import dev.mora.strategy.PlannedStage;
import dev.mora.whatsapp.ReminderSender;

import org.springframework.stereotype.Service;

/**
 * Finds the debtor's other debts that reach the same stage today, so that the debtor gets one message listing them
 * instead of one message each (which the frequency caps would spread over days).
 */
@Service
class Consolidation {

	private final DebtService debts;

	private final DunningSchedule schedule;

	private final ReminderSender sender;

	private final Clock clock;

	Consolidation(DebtService debts, DunningSchedule schedule, ReminderSender sender, Clock clock) {
		this.debts = debts;
		this.schedule = schedule;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * The debtor's other collectable debts, in the same currency, that would send this very stage if their own
	 * timers fired now.
	 */
	List<Debt> companionsOf(Debt debt, String stage) {
		Instant now = this.clock.instant();
		return this.debts.collectableDebtsOf(debt.debtor().id())
			.stream()
			.filter((other) -> !other.debtId().equals(debt.debtId()))
			.filter((other) -> other.currency().equals(debt.currency()))
			.filter((other) -> sendsNow(other, stage, now))
			.filter((other) -> !this.sender.alreadySent(other.debtId(), stage))
			.toList();
	}

	private boolean sendsNow(Debt debt, String stage, Instant now) {
		Optional<PlannedStage> due = this.schedule.of(debt).dueAt(now, debt.stage());
		return due.isPresent() && due.get().stage().equals(stage) && !due.get().plannedAt().isAfter(now);
	}

}
