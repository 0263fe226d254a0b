package dev.mora.lifecycle;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.payment.PaymentApplied;
import dev.mora.payment.PaymentLedger;
import dev.mora.payment.PaymentRecord;
import dev.mora.whatsapp.ReceiptSender;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/** Confirms a partial payment to the debtor, with the balance that remains. */
@Component
class ConfirmPaymentDelegate implements JavaDelegate {

	static final String TEMPLATE = "mora_pago_parcial";

	private final DebtService debts;

	private final PaymentLedger payments;

	private final ReceiptSender sender;

	ConfirmPaymentDelegate(DebtService debts, PaymentLedger payments, ReceiptSender sender) {
		this.debts = debts;
		this.payments = payments;
		this.sender = sender;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		String provider = DebtLifecycle.Variables.paymentProvider(execution);
		String paymentId = DebtLifecycle.Variables.paymentId(execution);
		PaymentRecord payment = this.payments.paymentsOf(debt.debtId())
			.stream()
			.filter((each) -> each.provider().equals(provider) && each.paymentId().equals(paymentId))
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("No payment " + provider + "/" + paymentId));
		this.sender.send(debt, new PaymentApplied(debt.debtId(), provider, paymentId).confirmationKey(), TEMPLATE,
				payment.amount());
	}

}
