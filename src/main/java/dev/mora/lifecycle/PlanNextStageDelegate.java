package dev.mora.lifecycle;

import java.util.Date;
import java.util.Optional;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.strategy.DunningSchedule;
import dev.mora.strategy.PlannedStage;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Plans the timer of the next stage after the last one sent, or says that none is left. */
@Component
class PlanNextStageDelegate implements JavaDelegate {

	private final DebtService debts;

	private final DunningSchedule schedule;

	PlanNextStageDelegate(DebtService debts, DunningSchedule schedule) {
		this.debts = debts;
		this.schedule = schedule;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		Optional<PlannedStage> next = this.schedule.of(debt).next(debt.stage());
		DebtLifecycle.Variables.nextStage(execution, next.map(PlannedStage::stage).orElse(null),
				next.map((stage) -> Date.from(stage.plannedAt())).orElse(null));
	}

}
