package dev.mora.whatsapp;

import java.time.Clock;
import java.time.Duration;

import dev.mora.contact.ContactGate;
import dev.mora.debt.Debt;

import org.springframework.stereotype.Service;

/** What the answers to a debtor's messages need to know: WhatsApp's 24-hour window, and opt-outs. */
@Service
public class Replies {

	private final InboundStore store;

	private final ContactGate contactGate;

	private final Clock clock;

	Replies(InboundStore store, ContactGate contactGate, Clock clock) {
		this.store = store;
		this.contactGate = contactGate;
		this.clock = clock;
	}

	/** Whether free-form messages may go to this number: within 24 hours of its last message to Mora. */
	public boolean withinWindow(String phone) {
		return this.store.lastMessageFrom(phone)
			.map((last) -> Duration.between(last, this.clock.instant()).compareTo(Duration.ofHours(24)) < 0)
			.orElse(false);
	}

	/** The debtor's replies about a debt, oldest first. */
	public java.util.List<InboundEvent> about(String debtId) {
		return this.store.repliesAbout(debtId);
	}

	/** Records an answer to the debtor's own message in the audit trail. */
	public void audit(Debt debt, String key, OutboundMessage sent, String rule) {
		this.contactGate.record(debt.debtor(), debt.debtId(), key, sent.template(),
				new dev.mora.contact.ContactDecision(dev.mora.contact.ContactOutcome.SENT, rule, null), sent.wamid());
	}

	public boolean optedOut(Debt debt) {
		return this.contactGate.blockOf(debt.debtor()).isPresent();
	}

}
