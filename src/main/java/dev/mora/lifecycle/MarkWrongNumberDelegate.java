package dev.mora.lifecycle;

import dev.mora.contact.ContactGate;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Marks the debtor do-not-contact: their number belongs to someone else, and nothing more may go to it. The reason
 * names the number, so that the flag can be lifted once the creditor registers the right one.
 */
@Component
class MarkWrongNumberDelegate implements JavaDelegate {

	private final DebtService debts;

	private final ContactGate contactGate;

	MarkWrongNumberDelegate(DebtService debts, ContactGate contactGate) {
		this.debts = debts;
		this.contactGate = contactGate;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		this.contactGate.doNotContact(debt.debtor().id(),
				"número equivocado: " + debt.debtor().phone() + " no es del deudor (contacto manual, deuda "
						+ debt.debtId() + ")");
	}

}
