package dev.mora.lifecycle;

import dev.mora.payment.PaymentNeedsReview;
import dev.mora.web.AsSystem;
import dev.mora.whatsapp.MessageFormats;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Raises an agent task for money that arrived for a debt no longer collected, in the payment's transaction. As the
 * system: the money's arrival starts it, also when it is applied while a user registers the debt it was waiting for.
 */
@Component
class PaymentReviewStarter {

	static final String PROCESS_KEY = "PaymentReview";

	private final RuntimeService runtimeService;

	private final IdentityService identityService;

	PaymentReviewStarter(RuntimeService runtimeService, IdentityService identityService) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
	}

	@EventListener
	void paymentNeedsReview(PaymentNeedsReview event) {
		AsSystem.run(this.identityService, () -> this.runtimeService.createProcessInstanceByKey(PROCESS_KEY)
			.businessKey(event.debtId())
			.setVariables(Variables.createVariables()
				.putValue(DebtLifecycle.Variables.DEBT_ID, event.debtId())
				.putValue(DebtLifecycle.Variables.PAYMENT_PROVIDER, event.provider())
				.putValue(DebtLifecycle.Variables.PAYMENT_ID, event.paymentId())
				.putValue("paymentAmount", MessageFormats.money(event.amount(), event.currency()))
				.putValue("reason", event.reason()))
			.execute());
	}

}
