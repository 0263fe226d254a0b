package dev.mora.payment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtRegistered;
import dev.mora.debt.DebtService;
import dev.mora.web.AfterCommit;
import dev.mora.whatsapp.MessageFormats;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives payments from any provider: stores each once (by provider and payment id) and applies it to the debt's
 * balance in the same transaction, so a payment is never lost and never applied twice. The debt's lifecycle is told
 * after the commit.
 */
@Service
public class PaymentService {

	private static final Logger logger = LoggerFactory.getLogger(PaymentService.class);

	/** Younger pending payments may still be applied by the registration that is committing their debt. */
	private static final Duration PENDING_AGE = Duration.ofSeconds(10);

	private final PaymentLedger ledger;

	private final DebtService debts;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	private final MeterRegistry meters;

	PaymentService(PaymentLedger ledger, DebtService debts, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock, MeterRegistry meters) {
		this.meters = meters;
		this.ledger = ledger;
		this.debts = debts;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/** The provider of the payments agents record by hand: a transfer or a voucher they found. */
	public static final String AGENT = "agent";

	/**
	 * Records a payment an agent found by hand (a transfer, a voucher the debtor sent), under its reference: the same
	 * reference again is the same payment, recorded and applied once. It wakes the debt's lifecycle as any payment.
	 * @throws PaymentReferenceTakenException when the reference is recorded for another debt
	 */
	public PaymentReceipt receiveFromAgent(String debtId, BigDecimal amount, String currency, String reference) {
		Optional<PaymentRecord> taken = this.ledger.find(AGENT, reference)
			.filter((payment) -> !payment.debtId().equals(debtId));
		if (taken.isPresent()) {
			throw new PaymentReferenceTakenException(AGENT, reference, taken.get().debtId());
		}
		return receive(new IncomingPayment(AGENT, reference, debtId, amount, currency, this.clock.instant()));
	}

	public PaymentReceipt receive(IncomingPayment payment) {
		try {
			return this.transaction.execute((status) -> store(payment));
		}
		catch (DuplicateKeyException ex) {
			// Another delivery of the same payment committed first: it was recorded and applied there.
			return duplicate(payment);
		}
	}

	/** Applies the payments that arrived before their debt, in the transaction that registers it. */
	@EventListener
	void applyPending(DebtRegistered event) {
		for (PaymentRecord pending : this.ledger.pendingFor(event.debtId())) {
			IncomingPayment payment = new IncomingPayment(pending.provider(), pending.paymentId(), pending.debtId(),
					pending.amount(), pending.currency(), pending.paidAt());
			PaymentReceipt receipt = apply(payment, this.debts.get(event.debtId()));
			this.ledger.update(payment.provider(), payment.paymentId(), receipt.status(), receipt.detail());
		}
	}

	/**
	 * Applies the payments kept for an unknown debt whose debt has been registered since, when the registration and
	 * the payment crossed (neither transaction saw the other's row). The debt's lock orders this after a registration
	 * still committing, which applies its pending payments itself.
	 */
	@Scheduled(fixedDelayString = "${mora.payments.correlation-sweep:PT30S}",
			initialDelayString = "${mora.payments.correlation-sweep:PT30S}")
	void applyPendingOfRegisteredDebts() {
		for (PaymentRecord pending : this.ledger.pendingOfRegisteredDebts(this.clock.instant().minus(PENDING_AGE))) {
			this.transaction.executeWithoutResult((status) -> {
				Debt debt = this.debts.lock(pending.debtId());
				if (this.ledger.find(pending.provider(), pending.paymentId())
					.filter((record) -> PaymentStatus.PENDING.name().equals(record.status()))
					.isEmpty()) {
					return;
				}
				IncomingPayment payment = new IncomingPayment(pending.provider(), pending.paymentId(), pending.debtId(),
						pending.amount(), pending.currency(), pending.paidAt());
				PaymentReceipt receipt = apply(payment, debt);
				this.ledger.update(payment.provider(), payment.paymentId(), receipt.status(), receipt.detail());
			});
		}
	}

	/** Notes that the debt's lifecycle has been told of the payment. */
	public void correlated(String provider, String paymentId) {
		this.ledger.correlated(provider, paymentId, this.clock.instant());
	}

	private PaymentReceipt store(IncomingPayment payment) {
		Optional<PaymentRecord> existing = this.ledger.find(payment.provider(), payment.paymentId());
		if (existing.isPresent()) {
			return duplicate(payment);
		}
		Optional<Debt> debt = this.debts.find(payment.debtId());
		if (debt.isEmpty()) {
			String detail = "debt " + payment.debtId() + " is not registered yet; applied when it is";
			this.ledger.insert(payment, PaymentStatus.PENDING, detail, this.clock.instant());
			logger.info("Payment {}/{} for unknown debt {} kept", payment.provider(), payment.paymentId(),
					payment.debtId());
			return receipt(payment, PaymentStatus.PENDING, false, detail);
		}
		this.ledger.insert(payment, PaymentStatus.PENDING, null, this.clock.instant());
		PaymentReceipt receipt = apply(payment, debt.get());
		this.ledger.update(payment.provider(), payment.paymentId(), receipt.status(), receipt.detail());
		return receipt;
	}

	private PaymentReceipt apply(IncomingPayment payment, Debt debt) {
		if (!payment.currency().equals(debt.currency())) {
			String detail = "paid in " + payment.currency() + ", the debt is in " + debt.currency();
			return receipt(payment, PaymentStatus.REJECTED, false, detail);
		}
		DebtService.PaymentApplication application = this.debts.applyPayment(debt.debtId(), payment.amount());
		if (!application.applied()) {
			String detail = "the debt is " + application.before().status() + "; an agent reviews the payment";
			this.events.publishEvent(new PaymentNeedsReview(debt.debtId(), payment.provider(), payment.paymentId(),
					payment.amount(), payment.currency(), detail));
			return receipt(payment, PaymentStatus.REVIEW, false, detail);
		}
		Debt after = application.after();
		countRecovered(application.before(), payment.amount().min(application.before().balance()));
		String detail = "balance " + MessageFormats.money(application.before().balance(), debt.currency()) + " → "
				+ MessageFormats.money(after.balance(), debt.currency())
				+ ((after.credit().compareTo(application.before().credit()) > 0)
						? ", credit " + MessageFormats.money(after.credit(), debt.currency()) : "");
		this.events.publishEvent(new PaymentApplied(debt.debtId(), payment.provider(), payment.paymentId()));
		logger.info("Payment {}/{} applied to debt {}: {}", payment.provider(), payment.paymentId(), debt.debtId(),
				detail);
		return receipt(payment, PaymentStatus.APPLIED, false, detail);
	}

	/**
	 * How much came in at which stage (the last reminder before the payment, {@code NONE} before any), for managers'
	 * dashboards; a credit beyond the balance is not recovery.
	 */
	private void countRecovered(Debt before, BigDecimal recovered) {
		String stage = (before.stage() != null) ? before.stage() : "NONE";
		AfterCommit.run(() -> {
			this.meters.counter("mora.payments.applied", "currency", before.currency(), "stage", stage).increment();
			this.meters.counter("mora.payments.recovered", "currency", before.currency(), "stage", stage)
				.increment(recovered.doubleValue());
		});
	}

	private PaymentReceipt duplicate(IncomingPayment payment) {
		PaymentRecord stored = this.ledger.find(payment.provider(), payment.paymentId()).orElseThrow();
		return new PaymentReceipt(stored.provider(), stored.paymentId(), stored.debtId(),
				PaymentStatus.valueOf(stored.status()), true, stored.detail());
	}

	private static PaymentReceipt receipt(IncomingPayment payment, PaymentStatus status, boolean duplicate,
			String detail) {
		return new PaymentReceipt(payment.provider(), payment.paymentId(), payment.debtId(), status, duplicate,
				detail);
	}

}
