package dev.mora.lifecycle;

import dev.mora.debt.DebtCancelled;
import dev.mora.debt.DebtRegistered;
import org.camunda.bpm.engine.RuntimeService;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Starts and cancels lifecycles. The listeners run synchronously inside the transaction that stores the debt, so a
 * debt and its process instance are committed together or not at all.
 */
@Component
class LifecycleStarter {

	private final RuntimeService runtimeService;

	LifecycleStarter(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@EventListener
	void start(DebtRegistered event) {
		this.runtimeService.createProcessInstanceByKey(DebtLifecycle.KEY)
			.businessKey(event.debtId())
			.setVariable(DebtLifecycle.Variables.DEBT_ID, event.debtId())
			.execute();
	}

	@EventListener
	void cancel(DebtCancelled event) {
		this.runtimeService.createMessageCorrelation(DebtLifecycle.MSG_DEBT_CANCELLED)
			.processInstanceBusinessKey(event.debtId())
			.correlateAllWithResult();
	}

}
