package dev.mora.lifecycle;

import dev.mora.debt.DebtService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Re-reads the debt from the database, the truth: a paid or cancelled debt is no longer owed. */
@Component
class ReadBalanceDelegate implements JavaDelegate {

	private final DebtService debts;

	ReadBalanceDelegate(DebtService debts) {
		this.debts = debts;
	}

	@Override
	public void execute(DelegateExecution execution) {
		DebtLifecycle.Variables.stillOwed(execution,
				this.debts.get(DebtLifecycle.Variables.debtId(execution)).isCollectable());
	}

}
