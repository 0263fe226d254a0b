package dev.mora.lifecycle;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks what an agent found about a payment the debtor reported, in the transaction that completes the task, and
 * leaves it in one shape ({@code claimAmount} a decimal string such as "120.50", {@code claimReference} upper case).
 * A bad check fails the completion: the task stays open, and the REST API answers 400 naming each field.
 */
@Component
class CheckPaymentClaimDelegate implements JavaDelegate {

	@Override
	public void execute(DelegateExecution execution) {
		PaymentClaimDecision decision = PaymentClaimDecision.read(
				execution.getVariable(DebtLifecycle.Variables.CLAIM_OUTCOME),
				execution.getVariable(DebtLifecycle.Variables.CLAIM_AMOUNT),
				execution.getVariable(DebtLifecycle.Variables.CLAIM_REFERENCE),
				execution.getVariable(DebtLifecycle.Variables.CLAIM_COMMENT));
		execution.setVariable(DebtLifecycle.Variables.CLAIM_OUTCOME, decision.outcome().name());
		if (decision.amount() != null) {
			execution.setVariable(DebtLifecycle.Variables.CLAIM_AMOUNT, decision.amount().toPlainString());
			execution.setVariable(DebtLifecycle.Variables.CLAIM_REFERENCE, decision.reference());
		}
	}

}
