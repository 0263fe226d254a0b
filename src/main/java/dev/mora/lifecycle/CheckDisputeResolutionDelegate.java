package dev.mora.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks how an agent resolved a dispute, in the transaction that completes the task. A bad resolution fails the
 * completion: the task stays open, and the REST API answers 400 naming each field.
 */
@Component
class CheckDisputeResolutionDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		DisputeDecision decision = DisputeDecision.read(
				execution.getVariable(DebtLifecycle.Variables.DISPUTE_RESOLUTION),
				execution.getVariable(DebtLifecycle.Variables.DISPUTE_COMMENT));
		execution.setVariable(DebtLifecycle.Variables.DISPUTE_RESOLUTION, decision.resolution().name());
	}

}
