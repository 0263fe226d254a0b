package dev.mora.refinancing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtRequest;
import dev.mora.debt.DebtService;
import dev.mora.debt.DebtStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an approved refinancing into instalments: each becomes a debt of its own, {@code <debtId>-C<n>}, with its own
 * lifecycle; the original debt becomes {@code REFINANCED}. All of it in one transaction, or nothing.
 */
@Service
public class RefinancingService {

	private static final Logger logger = LoggerFactory.getLogger(RefinancingService.class);

	private final DebtService debts;

	private final TransactionTemplate transaction;

	RefinancingService(DebtService debts, PlatformTransactionManager transactionManager) {
		this.debts = debts;
		this.transaction = new TransactionTemplate(transactionManager);
	}

	public List<Debt> refinance(String debtId, int installments, LocalDate firstDueDate) {
		return this.transaction.execute((status) -> {
			// Locked: a payment committed between reading the balance and closing the debt would be lost.
			Debt debt = this.debts.lock(debtId);
			if (!debt.isCollectable()) {
				throw new IllegalStateException("Debt " + debtId + " is " + debt.status() + "; it cannot be refinanced");
			}
			List<Debt> created = new ArrayList<>();
			for (RefinancingPlan.Instalment instalment : RefinancingPlan.of(debt.balance(), installments,
					firstDueDate)) {
				DebtRequest request = new DebtRequest(debtId + "-C" + instalment.number(),
						new DebtRequest.DebtorRequest(debt.debtor().id(), debt.debtor().name(), debt.debtor().phone()),
						instalment.amount().toPlainString(), debt.currency(), instalment.dueDate().toString(),
						debt.segment(), debt.timezone().getId(), debt.language());
				created.add(this.debts.register(request).debt());
			}
			this.debts.closeAs(debtId, DebtStatus.REFINANCED);
			logger.info("Debt {} refinanced in {} instalments from {}", debtId, installments, firstDueDate);
			return created;
		});
	}

}
