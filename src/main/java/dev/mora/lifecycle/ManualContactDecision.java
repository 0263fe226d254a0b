package dev.mora.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.mora.web.FormValues;
import dev.mora.whatsapp.ReplyIntents;

/**
 * What an agent who tried to reach a debtor by phone or visit recorded in the {@code ManualContact} form: the
 * outcome and, for a promise, the day promised (from today to as far as a WhatsApp promise may reach).
 *
 * @param outcome what came of the contact
 * @param promisedDate the day the debtor promised to pay by; null unless a promise
 */
record ManualContactDecision(Outcome outcome, LocalDate promisedDate) {

	/** The choices of the form's {@code contactOutcome}. */
	enum Outcome {

		/** Spoke to the debtor: the reminders go on. */
		REACHED,
		/** A promise to pay by a day: escalation waits until the day after, as with a promise on WhatsApp. */
		PROMISE,
		/** The debtor disputes the debt: the reminders stop until an agent resolves it. */
		DISPUTE,
		/** The number is not the debtor's: no more WhatsApp to them, and the agents decide how to collect. */
		WRONG_NUMBER,
		/** Nobody answered: the reminders go on. */
		NO_ANSWER

	}

	/**
	 * Reads the decision, or refuses it naming each bad field.
	 * @param today the debtor's local date
	 * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming each bad field
	 */
	static ManualContactDecision read(Object outcome, Object promisedDate, Object comment, LocalDate today,
			ZoneId zone) {
		FormValues form = new FormValues();
		Outcome chosen = form.choice(DebtLifecycle.Variables.CONTACT_OUTCOME, outcome, Outcome.class);
		LocalDate promised = (chosen == Outcome.PROMISE) ? form.date(DebtLifecycle.Variables.PROMISED_DATE,
				promisedDate, today, today.plusDays(ReplyIntents.MAX_PROMISE_DAYS), zone) : null;
		form.optionalText(DebtLifecycle.Variables.CONTACT_COMMENT, comment, FormValues.COMMENT_LENGTH);
		form.orRefuse("manual contact outcome");
		return new ManualContactDecision(chosen, promised);
	}

}
