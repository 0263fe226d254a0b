package dev.mora.lifecycle;

import java.math.BigDecimal;
import java.util.List;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.payment.PaymentReferenceTakenException;
import dev.mora.payment.PaymentService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import org.springframework.stereotype.Component;

/**
 * Records the payment an agent found, as a payment of provider {@code agent} under its reference, in the transaction
 * that completes the task: it lowers the balance once, and wakes the lifecycle as any payment does. A reference
 * recorded for another debt already fails the completion, naming the field.
 */
@Component
class RecordClaimedPaymentDelegate implements JavaDelegate {

	private final DebtService debts;

	private final PaymentService payments;

	RecordClaimedPaymentDelegate(DebtService debts, PaymentService payments) {
		this.debts = debts;
		this.payments = payments;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		try {
			BigDecimal amount = new BigDecimal((String) execution.getVariable(DebtLifecycle.Variables.CLAIM_AMOUNT));
			this.payments.receiveFromAgent(debt.debtId(), amount, debt.currency(),
					(String) execution.getVariable(DebtLifecycle.Variables.CLAIM_REFERENCE));
		}
		catch (PaymentReferenceTakenException ex) {
			String error = DebtLifecycle.Variables.CLAIM_REFERENCE + ": " + ex.getMessage();
			throw new FormFieldValidationException(List.of(error), "Invalid payment claim check: " + error);
		}
	}

}
