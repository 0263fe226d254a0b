package dev.mora.lifecycle;

import java.time.LocalDate;
import java.time.ZoneId;

import dev.mora.web.FormValues;
import dev.mora.whatsapp.ReplyIntents;

/**
 * What an agent read a reply as, in the {@code ReplyReview} form: one of the intents Mora reads replies as (acted on
 * as if Mora had read it so), a dispute, or nothing to do; a promise with its day.
 *
 * @param intent what the reply asks for
 * @param promisedDate the day the debtor promised to pay by; null unless a promise
 */
record ReplyReviewDecision(Intent intent, LocalDate promisedDate) {

	/** The choices of the form's {@code chosenIntent}; the names are the reply intents' where there is one. */
	enum Intent {

		PAY, ALREADY_PAID, REFINANCE, PROMISE, OPT_OUT,
		/** Not a reply intent: the reminders stop until an agent resolves the dispute. */
		DISPUTE,
		/** Nothing to act on. */
		NONE

	}

	/**
	 * Reads the decision, or refuses it naming each bad field.
	 * @param today the debtor's local date
	 * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming each bad field
	 */
	static ReplyReviewDecision read(Object intent, Object promisedDate, Object comment, LocalDate today, ZoneId zone) {
		FormValues form = new FormValues();
		Intent chosen = form.choice(DebtLifecycle.Variables.CHOSEN_INTENT, intent, Intent.class);
		LocalDate promised = (chosen == Intent.PROMISE) ? form.date(DebtLifecycle.Variables.PROMISED_DATE,
				promisedDate, today, today.plusDays(ReplyIntents.MAX_PROMISE_DAYS), zone) : null;
		form.optionalText(DebtLifecycle.Variables.REPLY_COMMENT, comment, FormValues.COMMENT_LENGTH);
		form.orRefuse("reading of the reply");
		return new ReplyReviewDecision(chosen, promised);
	}

}
