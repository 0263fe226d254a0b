package dev.mora.whatsapp;

import java.math.BigDecimal;
import java.util.Map;

import dev.mora.contact.ContactDecision;
import dev.mora.contact.ContactGate;
import dev.mora.contact.ContactOutcome;
import dev.mora.debt.Debt;

import org.springframework.stereotype.Service;

/**
 * Sends receipts: a payment's confirmation, the thank-you of a settled debt. They answer the debtor's own act, so
 * the collection window does not hold them back; a do-not-contact flag or an opt-out does.
 */
@Service
public class ReceiptSender {

	private final ReminderSender sender;

	private final ContactGate contactGate;

	ReceiptSender(ReminderSender sender, ContactGate contactGate) {
		this.sender = sender;
		this.contactGate = contactGate;
	}

	/**
	 * Sends the receipt once per key.
	 * @param debt the debt, as it stands after the payment
	 * @param key the receipt's key in the outbound ledger
	 * @param template the template
	 * @param paid the amount paid, shown as {@code {{pagado}}}, or null
	 */
	public void send(Debt debt, String key, String template, BigDecimal paid) {
		if (this.sender.alreadySent(debt.debtId(), key)) {
			return;
		}
		var blocked = this.contactGate.blockOf(debt.debtor());
		if (blocked.isPresent()) {
			this.contactGate.record(debt.debtor(), debt.debtId(), key, template,
					new ContactDecision(ContactOutcome.BLOCKED, blocked.get(), null), null);
			return;
		}
		Map<String, String> extra = (paid != null) ? Map.of("pagado", MessageFormats.money(paid, debt.currency()))
				: Map.of();
		try {
			OutboundMessage sent = this.sender.send(debt, key, template, extra);
			this.contactGate.record(debt.debtor(), debt.debtId(), key, template,
					new ContactDecision(ContactOutcome.SENT, "comprobante de pago (mensaje transaccional)", null),
					sent.wamid());
		}
		catch (WhatsAppException ex) {
			this.contactGate.recordFailure(debt.debtor(), debt.debtId(), key, template, ex.getMessage());
			throw ex;
		}
	}

}
