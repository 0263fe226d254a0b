package dev.mora.lifecycle;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Gives an agent task what the agent needs at a glance: a name saying who and how much, a description, a due date
 * (one day), and the debt's facts as task-local variables that its form shows.
 */
@Component
class PrepareAgentTaskListener implements TaskListener {

	private final DebtService debts;

	private final Clock clock;

	PrepareAgentTaskListener(DebtService debts, Clock clock) {
		this.debts = debts;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(task));
		String balance = MessageFormats.money(debt.balance(), debt.currency());
		long daysOverdue = Math.max(0,
				ChronoUnit.DAYS.between(debt.dueDate(), LocalDate.ofInstant(this.clock.instant(), debt.timezone())));
		task.setName(task.getName() + " – " + debt.debtor().name() + " – " + balance);
		task.setDescription("Deuda " + debt.debtId() + " de " + debt.debtor().name() + " ("
				+ MessageFormats.maskPhone(debt.debtor().phone()) + "): saldo " + balance + ", vencida el "
				+ MessageFormats.date(debt.dueDate()) + " (" + daysOverdue + " días de atraso).");
		task.setDueDate(Date.from(this.clock.instant().plus(1, ChronoUnit.DAYS)));
		task.setVariableLocal("debtorName", debt.debtor().name());
		task.setVariableLocal("debtorPhone", debt.debtor().phone());
		task.setVariableLocal("balance", balance);
		task.setVariableLocal("amount", MessageFormats.money(debt.amount(), debt.currency()));
		task.setVariableLocal("dueDate", MessageFormats.date(debt.dueDate()));
		task.setVariableLocal("daysOverdue", daysOverdue);
		task.setVariableLocal("lastStage", debt.stage());
	}

}
