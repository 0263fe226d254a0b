package dev.mora.lifecycle;

import dev.mora.web.FormValues;

/**
 * How an agent resolved a dispute, in the {@code DisputeResolution} form.
 *
 * @param resolution what follows
 */
record DisputeDecision(Resolution resolution) {

	/** The choices of the form's {@code disputeResolution}. */
	enum Resolution {

		/** The debt stands: the reminders resume from the next stage. */
		RESUME,
		/** The reminders end here: the agents decide how to collect (by hand, an agency, a write-off). */
		FINAL_DECISION

	}

	/**
	 * Reads the decision, or refuses it naming each bad field.
	 * @throws org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException naming each bad field
	 */
	static DisputeDecision read(Object resolution, Object comment) {
		FormValues form = new FormValues();
		Resolution chosen = form.choice(DebtLifecycle.Variables.DISPUTE_RESOLUTION, resolution, Resolution.class);
		form.optionalText(DebtLifecycle.Variables.DISPUTE_COMMENT, comment, FormValues.COMMENT_LENGTH);
		form.orRefuse("dispute resolution");
		return new DisputeDecision(chosen);
	}

}
