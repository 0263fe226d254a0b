package dev.mora.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import dev.mora.contact.ContactDecision;
import dev.mora.contact.ContactGate;
import dev.mora.contact.ContactOutcome;
import dev.mora.debt.Debt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/** What the answers to a debtor's messages need to know: WhatsApp's 24-hour window, and opt-outs. */
@Service
public class Replies {

	static final String OPT_OUT = "OPT_OUT";

	static final String OPT_OUT_CONFIRMATION = "Listo, no te enviaremos más mensajes por WhatsApp. Si necesitas algo, "
			+ "escríbenos cuando quieras.";

	private static final Logger logger = LoggerFactory.getLogger(Replies.class);

	private final InboundStore store;

	private final ContactGate contactGate;

	private final ReminderSender sender;

	private final Clock clock;

	Replies(InboundStore store, ContactGate contactGate, ReminderSender sender, Clock clock) {
		this.store = store;
		this.contactGate = contactGate;
		this.sender = sender;
		this.clock = clock;
	}

	/**
	 * Stops every WhatsApp message to the debt's number, for any debt, and confirms it once inside the 24-hour window.
	 * Confirmed once per debt: a later "BAJA" sends nothing more, and a confirmation that failed is sent when the
	 * caller retries.
	 * @param reason why, for the audit trail: what the debtor wrote, or who read it so
	 */
	public void optOut(Debt debt, String reason) {
		optOut(debt.debtor().phone(), debt, reason);
	}

	/** Stops every message to the number; confirms it for the debt, if one is known. */
	void optOut(String phone, Debt debt, String reason) {
		this.contactGate.optOut(phone, reason);
		if (debt != null && !this.sender.alreadySent(debt.debtId(), OPT_OUT) && withinWindow(phone)) {
			OutboundMessage sent = this.sender.sendText(debt, OPT_OUT, OPT_OUT_CONFIRMATION);
			this.contactGate.record(debt.debtor(), debt.debtId(), OPT_OUT, MessageLedger.TEXT,
					new ContactDecision(ContactOutcome.SENT, "confirmación de la baja pedida por el deudor", null),
					sent.wamid());
		}
		logger.info("Number {} opted out of WhatsApp", MessageFormats.maskPhone(phone));
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

	/**
	 * Answers the debtor: the text inside WhatsApp's 24-hour window, the template outside it (where free-form messages
	 * may not go), once per key, and in the audit trail with why.
	 * @param parameters the template's body parameters beyond the debt's own
	 * @param rule why it goes, for the audit trail: "respuesta al pedido del deudor"
	 */
	public OutboundMessage answer(Debt debt, String key, String text, String template, Map<String, String> parameters,
			String rule) {
		if (withinWindow(debt.debtor().phone())) {
			OutboundMessage sent = this.sender.sendText(debt, key, text);
			audit(debt, key, sent, rule + ", dentro de la ventana de 24 h");
			return sent;
		}
		OutboundMessage sent = this.sender.send(debt, key, template, parameters);
		audit(debt, key, sent, rule + ", plantilla fuera de la ventana de 24 h");
		return sent;
	}

	/** Records an answer to the debtor's own message in the audit trail. */
	public void audit(Debt debt, String key, OutboundMessage sent, String rule) {
		this.contactGate.record(debt.debtor(), debt.debtId(), key, sent.template(),
				new ContactDecision(ContactOutcome.SENT, rule, null), sent.wamid());
	}

	public boolean optedOut(Debt debt) {
		return this.contactGate.blockOf(debt.debtor()).isPresent();
	}

}
