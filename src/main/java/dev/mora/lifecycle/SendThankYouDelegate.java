package dev.mora.lifecycle;

import dev.mora.debt.DebtService;
import dev.mora.whatsapp.ReceiptSender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Thanks the debtor once the debt is paid in full. */
@Component
class SendThankYouDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_agradecimiento";

	private final DebtService debts;

	private final ReceiptSender sender;

	SendThankYouDelegate(DebtService debts, ReceiptSender sender) {
		this.debts = debts;
		this.sender = sender;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.sender.send(this.debts.get(DebtLifecycle.Variables.debtId(execution)), DebtLifecycle.THANK_YOU, TEMPLATE,
				null);
	}

}
