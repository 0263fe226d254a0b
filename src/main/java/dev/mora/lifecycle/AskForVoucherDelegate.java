package dev.mora.lifecycle;

import java.util.Map;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * An agent found no payment where the debtor said they paid: asks for the voucher, as text inside the 24-hour window,
 * as a template outside it. A photo of it comes back as a payment claim of its own.
 */
@Component
class AskForVoucherDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_pedir_comprobante";

	private final DebtService debts;

	private final Replies replies;

	AskForVoucherDelegate(DebtService debts, Replies replies) {
		this.debts = debts;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		if (!debt.isCollectable() || this.replies.optedOut(debt)) {
			return;
		}
		String key = "VOUCHER:" + DebtLifecycle.Variables.replyEventId(execution);
		this.replies.answer(debt, key, "Hola " + debt.debtor().firstName()
				+ ", no encontramos el pago que nos informaste para tu deuda de "
				+ MessageFormats.money(debt.balance(), debt.currency()) + ". ¿Nos envías una foto del comprobante por aquí?",
				TEMPLATE, Map.of(), "pedido del comprobante de un pago informado");
	}

}
