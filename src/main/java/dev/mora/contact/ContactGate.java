package dev.mora.contact;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;

import dev.mora.debt.Debtor;
import dev.mora.web.AfterCommit;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Service;

/**
 * The one door every collection message passes: blocks (do-not-contact, opt-outs), the lawful window and the
 * frequency caps, each decision written to the audit trail. Call it inside the sending transaction: it locks the
 * debtor so that concurrent sends to one debtor are counted one after the other.
 */
@Service
public class ContactGate {

	public static final String WHATSAPP = "WHATSAPP";

	private final ContactPolicy policy;

	private final ContactProperties properties;

	private final ContactLedger ledger;

	private final Clock clock;

	private final MeterRegistry meters;

	ContactGate(ContactPolicy policy, ContactProperties properties, ContactLedger ledger, Clock clock,
			MeterRegistry meters) {
		this.meters = meters;
		this.policy = policy;
		this.properties = properties;
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Whether the debtor may be contacted now; blocks hold even when the policy is switched off. */
	public ContactDecision check(Debtor debtor, ZoneId zone) {
		return check(debtor, zone, false);
	}

	/**
	 * Whether the debtor may be contacted now.
	 * @param byHand an operator asked for this send explicitly: the frequency caps give way, the law and blocks not
	 */
	public ContactDecision check(Debtor debtor, ZoneId zone, boolean byHand) {
		this.ledger.lockDebtor(debtor.id());
		Optional<String> blocked = blockOf(debtor);
		if (blocked.isPresent()) {
			return new ContactDecision(ContactOutcome.BLOCKED, blocked.get(), null);
		}
		ZonedDateTime now = ZonedDateTime.ofInstant(this.clock.instant(), zone);
		ContactPolicy.Verdict verdict = this.policy.verdict(now);
		if (!verdict.allowed()) {
			return new ContactDecision(ContactOutcome.DEFERRED, verdict.rule(), verdict.nextOpening().toInstant());
		}
		if (!this.properties.enabled()) {
			return new ContactDecision(ContactOutcome.SENT, verdict.rule(), null);
		}
		if (byHand) {
			return new ContactDecision(ContactOutcome.SENT, verdict.rule() + "; enviado a mano, sin topes de frecuencia",
					null);
		}
		ZonedDateTime today = now.toLocalDate().atStartOfDay(zone);
		if (this.ledger.sentSince(debtor.id(), today.toInstant()) >= this.properties.maxPerDay()) {
			return new ContactDecision(ContactOutcome.DEFERRED,
					"tope de " + this.properties.maxPerDay() + " mensaje(s) por día", opening(today.plusDays(1)));
		}
		ZonedDateTime monday = today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		if (this.ledger.sentSince(debtor.id(), monday.toInstant()) >= this.properties.maxPerWeek()) {
			return new ContactDecision(ContactOutcome.DEFERRED,
					"tope de " + this.properties.maxPerWeek() + " mensajes por semana", opening(monday.plusWeeks(1)));
		}
		return new ContactDecision(ContactOutcome.SENT, verdict.rule(), null);
	}

	/** Writes one line of the audit trail. */
	public void record(Debtor debtor, String debtId, String stage, String template, ContactDecision decision,
			String wamid) {
		this.ledger.record(debtor.id(), new ContactAttempt(this.clock.instant(), debtId, stage, WHATSAPP, template,
				decision.outcome(), decision.rule(), wamid, decision.deferredTo()));
		// Labels name kinds of stages and outcomes only: no debtor, number, debt or payment in metrics (answers are
		// keyed "PAYMENT:<provider>:<id>", "PAY_LINK:<event>"...: their kind is the part before the first colon).
		String kind = (stage.indexOf(':') < 0) ? stage : stage.substring(0, stage.indexOf(':'));
		AfterCommit.run(() -> this.meters.counter("mora.contact.attempts", "channel", WHATSAPP, "stage", kind,
				"outcome", decision.outcome().name()).increment());
	}

	/** Writes a failed attempt: the channel refused the message. */
	public void recordFailure(Debtor debtor, String debtId, String stage, String template, String error) {
		record(debtor, debtId, stage, template, new ContactDecision(ContactOutcome.FAILED, error, null), null);
	}

	public List<ContactAttempt> attemptsOf(String debtorId) {
		return this.ledger.attemptsOf(debtorId);
	}

	/** Why the debtor must not be contacted, if so: a do-not-contact flag or an opt-out of their number. */
	public Optional<String> blockOf(Debtor debtor) {
		return this.ledger.block(ContactLedger.DEBTOR, debtor.id())
			.map((reason) -> "no contactar: " + reason)
			.or(() -> this.ledger.block(ContactLedger.PHONE, debtor.phone()).map((reason) -> "baja del número: " + reason));
	}

	public void doNotContact(String debtorId, String reason) {
		this.ledger.addBlock(ContactLedger.DEBTOR, debtorId, reason, this.clock.instant());
	}

	public void allowContact(String debtorId) {
		this.ledger.removeBlock(ContactLedger.DEBTOR, debtorId);
	}

	/**
	 * Stops every message to a number, for any debt: the debtor opted out.
	 * @return whether this is new (the number had not opted out before)
	 */
	public boolean optOut(String phone, String reason) {
		boolean first = this.ledger.block(ContactLedger.PHONE, phone).isEmpty();
		this.ledger.addBlock(ContactLedger.PHONE, phone, reason, this.clock.instant());
		return first;
	}

	private Instant opening(ZonedDateTime dayStart) {
		ContactPolicy.Verdict verdict = this.policy.verdict(dayStart);
		return verdict.nextOpening().toInstant();
	}

}
