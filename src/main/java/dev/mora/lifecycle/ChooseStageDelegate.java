package dev.mora.lifecycle;

import java.time.Clock;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.strategy.DunningSchedule;
import dev.mora.strategy.PlannedStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Chooses the stage to send when a timer fires: the latest stage already due, so a debt registered late or woken
 * after downtime gets only the stage its age calls for, never a burst of past reminders.
 */
@Component
class ChooseStageDelegate implements JavaDelegate {

	private final DebtService debts;

	private final DunningSchedule schedule;

	private final Clock clock;

	ChooseStageDelegate(DebtService debts, DunningSchedule schedule, Clock clock) {
		this.debts = debts;
		this.schedule = schedule;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		PlannedStage stage = this.schedule.of(debt)
			.dueAt(this.clock.instant(), debt.stage())
			.orElseThrow(() -> new IllegalStateException("Debt " + debt.debtId() + " has no stage left to send"));
		DebtLifecycle.Variables.stage(execution, stage.stage(), stage.template());
	}

}
