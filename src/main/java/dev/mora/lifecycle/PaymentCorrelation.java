package dev.mora.lifecycle;

import java.time.Clock;
import java.time.Duration;

import dev.mora.payment.PaymentApplied;
import dev.mora.payment.PaymentLedger;
import dev.mora.payment.PaymentRecord;
import dev.mora.payment.PaymentService;
import dev.mora.web.AsSystem;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Wakes a debt's lifecycle with {@code Msg_PaymentReceived} once a payment is committed. The payment and the balance
 * are stored first; if the instance is busy (inside a send) the correlation is retried by a sweep, so nothing is lost,
 * and since the lifecycle re-reads the balance before every send, nothing is applied twice. As the system: the money's
 * arrival wakes the lifecycle, also when it is applied while a user registers the debt it was waiting for.
 */
@Component
class PaymentCorrelation {

	private static final Logger logger = LoggerFactory.getLogger(PaymentCorrelation.class);

	/** Younger payments are still being correlated right after their commit. */
	private static final Duration SWEEP_AGE = Duration.ofSeconds(10);

	private final RuntimeService runtimeService;

	private final PaymentService payments;

	private final PaymentLedger ledger;

	private final Clock clock;

	private final IdentityService identityService;

	PaymentCorrelation(RuntimeService runtimeService, IdentityService identityService, PaymentService payments,
			PaymentLedger ledger, Clock clock) {
		this.runtimeService = runtimeService;
		this.identityService = identityService;
		this.payments = payments;
		this.ledger = ledger;
		this.clock = clock;
	}

	@TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
	void paymentApplied(PaymentApplied event) {
		correlate(event);
	}

	@Scheduled(fixedDelayString = "${mora.payments.correlation-sweep:PT30S}",
			initialDelayString = "${mora.payments.correlation-sweep:PT30S}")
	void sweep() {
		for (PaymentRecord payment : this.ledger.uncorrelated(this.clock.instant().minus(SWEEP_AGE))) {
			correlate(new PaymentApplied(payment.debtId(), payment.provider(), payment.paymentId()));
		}
	}

	boolean correlate(PaymentApplied payment) {
		try {
			AsSystem.run(this.identityService, () -> this.runtimeService
				.createMessageCorrelation(DebtLifecycle.MSG_PAYMENT_RECEIVED)
				.processInstanceBusinessKey(payment.debtId())
				.setVariableLocal(DebtLifecycle.Variables.PAYMENT_PROVIDER, payment.provider())
				.setVariableLocal(DebtLifecycle.Variables.PAYMENT_ID, payment.paymentId())
				.correlateAllWithResult());
			this.payments.correlated(payment.provider(), payment.paymentId());
			return true;
		}
		catch (OptimisticLockingException ex) {
			logger.info("Lifecycle of debt {} is busy; payment {}/{} is correlated on the next sweep",
					payment.debtId(), payment.provider(), payment.paymentId());
			return false;
		}
		catch (ProcessEngineException ex) {
			logger.warn("Payment {}/{} could not be correlated to debt {} yet: {}", payment.provider(),
					payment.paymentId(), payment.debtId(), ex.getMessage());
			return false;
		}
	}

}
