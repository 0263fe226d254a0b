package dev.mora.debt;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Registers, reads and cancels debts. The database is the truth; the lifecycle follows from the events. */
@Service
public class DebtService {

	private static final Logger logger = LoggerFactory.getLogger(DebtService.class);

	private final DebtRepository debts;

	private final DebtValidator validator;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transaction;

	private final Clock clock;

	DebtService(DebtRepository debts, DebtValidator validator, ApplicationEventPublisher events,
			PlatformTransactionManager transactionManager, Clock clock) {
		this.debts = debts;
		this.validator = validator;
		this.events = events;
		this.transaction = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	public Optional<Debt> find(String debtId) {
		return this.debts.find(debtId);
	}

	public Debt get(String debtId) {
		return this.debts.find(debtId).orElseThrow(() -> new DebtNotFoundException(debtId));
	}

	public Optional<Debtor> debtor(String debtorId) {
		return this.debts.findDebtor(debtorId);
	}

	/** The debts still being collected from whoever has this phone number. */
	public List<Debt> collectableDebtsOfPhone(String phone) {
		return this.debts.findByPhone(phone).stream().filter(Debt::isCollectable).toList();
	}

	/** The debtor's debts that are still being collected. */
	public List<Debt> collectableDebtsOf(String debtorId) {
		return this.debts.findByDebtor(debtorId).stream().filter(Debt::isCollectable).toList();
	}

	/**
	 * Registers a debt and starts its lifecycle in the same transaction; the same debt again changes nothing.
	 * @throws InvalidDebtException naming every bad field
	 * @throws DebtConflictException when the id is taken by other content
	 */
	public Registration register(DebtRequest request) {
		NewDebt debt = this.validator.validate(request);
		try {
			return this.transaction.execute((status) -> store(debt));
		}
		catch (DuplicateKeyException ex) {
			// Another request registered the same id at the same moment: answer as if it had come first.
			return this.transaction.execute((status) -> store(debt));
		}
	}

	/**
	 * Validates every row first, then stores all of them in one transaction, or none.
	 * @throws InvalidDebtException naming every bad row and field
	 */
	ImportResult importAll(List<DebtRequest> rows, int firstRowNumber) {
		List<FieldError> errors = new ArrayList<>();
		List<NewDebt> valid = new ArrayList<>();
		Map<String, Integer> rowOfId = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			int rowNumber = firstRowNumber + i;
			List<FieldError> rowErrors = new ArrayList<>();
			NewDebt debt = this.validator.validate(rows.get(i), rowErrors);
			if (debt != null) {
				Integer earlier = rowOfId.putIfAbsent(debt.debtId(), rowNumber);
				if (earlier != null) {
					rowErrors.add(FieldError.of("debtId", "repeats the debt id of row " + earlier));
				}
				valid.add(debt);
			}
			rowErrors.forEach((error) -> errors.add(error.inRow(rowNumber)));
		}
		if (!errors.isEmpty()) {
			throw new InvalidDebtException(errors);
		}
		return this.transaction.execute((status) -> {
			int created = 0;
			List<FieldError> conflicts = new ArrayList<>();
			for (int i = 0; i < valid.size(); i++) {
				try {
					if (store(valid.get(i)).created()) {
						created++;
					}
				}
				catch (DebtConflictException ex) {
					for (String field : ex.fields()) {
						conflicts.add(FieldError.of(field, "differs from the registered debt " + ex.debtId())
							.inRow(firstRowNumber + i));
					}
				}
			}
			if (!conflicts.isEmpty()) {
				status.setRollbackOnly();
				throw new InvalidDebtException(conflicts);
			}
			return new ImportResult(valid.size(), created, valid.size() - created);
		});
	}

	/**
	 * Changes a debtor's name and phone, for all their debts: the next message goes to the new number.
	 * @throws InvalidDebtException naming every bad field
	 * @throws DebtorNotFoundException when no debt of this debtor was registered
	 */
	public Debtor updateDebtor(String debtorId, String name, String phone) {
		Debtor debtor = this.validator.validateDebtor(debtorId, name, phone);
		return this.transaction.execute((status) -> {
			if (this.debts.findByDebtor(debtorId).isEmpty()) {
				throw new DebtorNotFoundException(debtorId);
			}
			this.debts.saveDebtor(debtor, this.clock.instant());
			logger.info("Debtor {} updated", debtorId);
			return debtor;
		});
	}

	/** Cancels the debt: its lifecycle ends and nothing more is sent. Cancelling twice is harmless. */
	public Debt cancel(String debtId) {
		return this.transaction.execute((status) -> {
			Debt debt = this.debts.findForUpdate(debtId).orElseThrow(() -> new DebtNotFoundException(debtId));
			if (debt.status() != DebtStatus.ACTIVE) {
				return debt;
			}
			this.debts.updateStatus(debtId, DebtStatus.CANCELLED, this.clock.instant());
			this.events.publishEvent(new DebtCancelled(debtId));
			logger.info("Debt {} cancelled", debtId);
			return get(debtId);
		});
	}

	/**
	 * Lowers the balance of a debt still owed by a payment, atomically (the debt's row is locked): a payment in full
	 * settles it, and what is paid over the balance becomes a credit. A debt no longer owed (cancelled, refinanced,
	 * settled) is not changed: an agent decides what to do with the money.
	 * @param debtId the debt
	 * @param amount the amount paid, in the debt's currency
	 * @return the debt before and after
	 */
	public PaymentApplication applyPayment(String debtId, java.math.BigDecimal amount) {
		Debt before = this.debts.findForUpdate(debtId).orElseThrow(() -> new DebtNotFoundException(debtId));
		if (!before.status().owed()) {
			return new PaymentApplication(before, before);
		}
		java.math.BigDecimal rest = before.balance().subtract(amount);
		java.math.BigDecimal balance = rest.max(java.math.BigDecimal.ZERO);
		java.math.BigDecimal credit = before.credit().add(rest.negate().max(java.math.BigDecimal.ZERO));
		DebtStatus status = (balance.signum() == 0) ? DebtStatus.SETTLED : before.status();
		this.debts.updateBalance(debtId, balance, credit, status, this.clock.instant());
		return new PaymentApplication(before, get(debtId));
	}

	/**
	 * The debt, its row locked until the surrounding transaction ends: a payment arriving meanwhile waits, so that
	 * what the caller decides from the balance still holds when it commits.
	 */
	public Debt lock(String debtId) {
		return this.debts.findForUpdate(debtId).orElseThrow(() -> new DebtNotFoundException(debtId));
	}

	/** Records how the last stage ended: the agents' decision once the reminders are exhausted. */
	public void closeAs(String debtId, DebtStatus status) {
		this.debts.updateStatus(debtId, status, this.clock.instant());
	}

	/** Records the debtor's promise to pay by a day: escalation waits until the day after it. */
	public void promise(String debtId, java.time.LocalDate promisedUntil) {
		this.debts.updatePromise(debtId, promisedUntil, this.clock.instant());
	}

	/** Records the last stage that was sent. */
	public void stageSent(String debtId, String stage) {
		this.debts.updateStage(debtId, stage, this.clock.instant());
	}

	private Registration store(NewDebt debt) {
		Optional<Debt> existing = this.debts.find(debt.debtId());
		if (existing.isPresent()) {
			List<String> differences = debt.differencesFrom(existing.get());
			if (!differences.isEmpty()) {
				throw new DebtConflictException(debt.debtId(), differences);
			}
			return new Registration(existing.get(), false);
		}
		this.debts.saveDebtor(debt.debtor(), this.clock.instant());
		this.debts.insert(debt, this.clock.instant());
		this.events.publishEvent(new DebtRegistered(debt.debtId()));
		logger.info("Debt {} registered, due {}", debt.debtId(), debt.dueDate());
		return new Registration(get(debt.debtId()), true);
	}

	public record Registration(Debt debt, boolean created) {
	}

	record ImportResult(int rows, int created, int unchanged) {
	}

	/** A debt before and after a payment was applied to it. */
	public record PaymentApplication(Debt before, Debt after) {

		/** Whether the payment changed the balance (the debt was still owed). */
		public boolean applied() {
			return this.before.status().owed();
		}

	}

}
