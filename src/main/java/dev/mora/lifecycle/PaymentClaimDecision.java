package dev.mora.lifecycle;

import java.math.BigDecimal;

import dev.mora.web.FormValues;

/**
 * What an agent found checking a debtor's "ya pagué", in the {@code PaymentClaimReview} form: the payment, with its
 * amount and the reference it is recorded under, or no payment.
 *
 * @param outcome whether the payment exists
 * @param amount how much was paid, in the debt's currency; null unless confirmed
 * @param reference the payment's reference (a bank operation number, say); null unless confirmed
 */
record PaymentClaimDecision(Outcome outcome, BigDecimal amount, String reference) {

	/** How long a reference may be: it becomes the payment's id. */
	static final int REFERENCE_LENGTH = 64;

	/** The choices of the form's {@code claimOutcome}. */
	enum Outcome {

		/** The payment exists: it is recorded and applied as any payment. */
		CONFIRMED,
		/** No such payment: the debtor is asked for the voucher, and the reminders go on. */
		NOT_FOUND

	}

	/**
	 * Reads the decision, or refuses it naming each bad field.
	 * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming each bad field
	 */
	static PaymentClaimDecision read(Object outcome, Object amount, Object reference, Object comment) {
		FormValues form = new FormValues();
		Outcome chosen = form.choice(DebtLifecycle.Variables.CLAIM_OUTCOME, outcome, Outcome.class);
		BigDecimal paid = null;
		String recordedAs = null;
		if (chosen == Outcome.CONFIRMED) {
			paid = form.amount(DebtLifecycle.Variables.CLAIM_AMOUNT, amount);
			recordedAs = form.reference(DebtLifecycle.Variables.CLAIM_REFERENCE, reference, REFERENCE_LENGTH);
		}
		form.optionalText(DebtLifecycle.Variables.CLAIM_COMMENT, comment, FormValues.COMMENT_LENGTH);
		form.orRefuse("payment claim check");
		return new PaymentClaimDecision(chosen, paid, recordedAs);
	}

}
