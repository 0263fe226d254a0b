package dev.mora.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.mora.contact.ContactProperties;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Processes stored webhook events: statuses move the outbound ledger forward, and a message that will never arrive
 * is told to its debt's lifecycle; replies are tied to a debt, read for their intent and handed to the lifecycle. A
 * failure (no process waiting yet, a locking conflict, a status that came before its send was recorded) leaves the
 * event for a later attempt; Meta got its 200 long before.
 */
@Service
class InboundProcessor {

	private static final Logger logger = LoggerFactory.getLogger(InboundProcessor.class);

	private static final Set<String> READABLE = Set.of("text", "button", "interactive", "image", "document");

	/** A status whose message stays unknown this many times is given up (it was not sent by this Mora). */
	private static final int MAX_STATUS_ATTEMPTS = 10;

	/** How long one processor holds an event before another may take it (it died, say). */
	static final Duration LEASE = Duration.ofMinutes(2);

	private final InboundStore store;

	private final MessageLedger ledger;

	private final DebtService debts;

	private final ApplicationEventPublisher events;

	private final ContactProperties contact;

	private final Replies replies;

	private final Clock clock;

	InboundProcessor(InboundStore store, MessageLedger ledger, DebtService debts, ApplicationEventPublisher events,
			ContactProperties contact, Replies replies, Clock clock) {
		this.replies = replies;
		this.store = store;
		this.ledger = ledger;
		this.debts = debts;
		this.events = events;
		this.contact = contact;
		this.clock = clock;
	}

	/** Processes an event; failures are recorded for a later attempt, never thrown. */
	boolean process(long eventId) {
		if (!this.store.claim(eventId, this.clock.instant(), LEASE)) {
			return false;
		}
		Optional<InboundEvent> event = this.store.find(eventId);
		if (event.isEmpty()) {
			return false;
		}
		try {
			if (InboundEvent.STATUS.equals(event.get().kind())) {
				status(event.get());
			}
			else {
				message(event.get());
			}
			return true;
		}
		catch (RuntimeException ex) {
			logger.info("Webhook event {} not processed yet: {}", eventId, ex.getMessage());
			this.store.failed(eventId, String.valueOf(ex.getMessage()), this.clock.instant());
			return false;
		}
	}

	@Scheduled(fixedDelayString = "${mora.whatsapp.inbound-sweep:PT15S}",
			initialDelayString = "${mora.whatsapp.inbound-sweep:PT15S}")
	void sweep() {
		this.store.due(this.clock.instant(), 100).forEach(this::process);
	}

	private void status(InboundEvent event) {
		Optional<OutboundStatus> status = OutboundStatus.fromWhatsApp(event.status());
		if (status.isEmpty()) {
			this.store.processed(event.id(), null, null, this.clock.instant());
			return;
		}
		Instant at = (event.sentAt() != null) ? event.sentAt() : this.clock.instant();
		List<OutboundMessage> messages = this.ledger.statusReported(event.contextWamid(), status.get(),
				event.errorCode(), at);
		if (messages.isEmpty() && this.ledger.adopt(event.contextWamid(), event.payload()) > 0) {
			// A send that got no answer went out after all: this status tells its wamid.
			logger.info("Message {} of {} had no answer from WhatsApp; its status says it went out",
					event.contextWamid(), event.payload());
			messages = this.ledger.statusReported(event.contextWamid(), status.get(), event.errorCode(), at);
		}
		if (messages.isEmpty()) {
			int attempts = this.store.attempts(event.id());
			if (attempts + 1 < MAX_STATUS_ATTEMPTS) {
				throw new IllegalStateException("no message " + event.contextWamid() + " in the ledger yet");
			}
			logger.warn("Status {} of unknown message {} dropped", event.status(), event.contextWamid());
		}
		if (status.get() == OutboundStatus.FAILED && event.errorCode() != null
				&& WhatsAppErrorKind.of(event.errorCode()) == WhatsAppErrorKind.PERMANENT) {
			// Told again when the event is retried: the ledger has it already, the lifecycle may not yet.
			messages.stream()
				.filter((message) -> message.status() == OutboundStatus.FAILED)
				.forEach((message) -> this.events.publishEvent(new RecipientUnreachable(event.id(), message.debtId(),
						message.stage(), event.errorCode(), at)));
		}
		this.store.processed(event.id(), null, null, this.clock.instant());
	}

	private void message(InboundEvent event) {
		if (!READABLE.contains(event.messageType())) {
			logger.info("Webhook message {} of type {} acknowledged and not acted on", event.externalId(),
					event.messageType());
			this.store.processed(event.id(), null, null, this.clock.instant());
			return;
		}
		// "Mañana" means the day after the debtor wrote, also when processing is retried later.
		Instant written = (event.sentAt() != null) ? event.sentAt() : this.clock.instant();
		LocalDate today = LocalDate.ofInstant(written, this.contact.defaultZone());
		ReplyIntent intent = ReplyIntents.classify(event.messageType(), event.body(), event.payload(), today);
		List<Debt> open = this.debts.collectableDebtsOfPhone(event.phone());
		Optional<Debt> debt = debtOf(event, intent, open);
		if (intent.kind() == ReplyIntent.Kind.OPT_OUT) {
			optOut(event, debt.or(() -> open.stream().findFirst()));
			return;
		}
		if (debt.isEmpty() && open.isEmpty()) {
			logger.info("Reply {} from {} matches no open debt", event.externalId(),
					MessageFormats.maskPhone(event.phone()));
			this.store.processed(event.id(), null, intent.kind().name(), this.clock.instant());
			return;
		}
		String note = null;
		ReplyIntent.Kind kind = intent.kind();
		Debt target = debt.orElse(null);
		if (target == null) {
			// Several open debts and nothing in the reply says which: an agent decides.
			target = open.get(0);
			kind = ReplyIntent.Kind.OTHER;
			note = "El número tiene " + open.size() + " deudas abiertas ("
					+ String.join(", ", open.stream().map(Debt::debtId).toList()) + "); la respuesta no dice a cuál se refiere.";
		}
		if (kind == ReplyIntent.Kind.PROMISE) {
			today = LocalDate.ofInstant(written, target.timezone());
			intent = ReplyIntents.classify(event.messageType(), event.body(), event.payload(), today);
		}
		this.events.publishEvent(new ReplyReceived(event.id(), target.debtId(), kind,
				(event.body() != null) ? event.body() : event.payload(), intent.promisedDate(), note));
		this.store.processed(event.id(), target.debtId(), kind.name(), this.clock.instant());
	}

	/** The debt a reply is about: the one its button names, the one of the message it answers, or the only one. */
	private Optional<Debt> debtOf(InboundEvent event, ReplyIntent intent, List<Debt> open) {
		if (intent.debtId() != null) {
			Optional<Debt> named = this.debts.find(intent.debtId())
				.filter((debt) -> debt.debtor().phone().equals(event.phone()));
			if (named.isPresent()) {
				return named;
			}
		}
		if (event.contextWamid() != null) {
			Optional<Debt> answered = this.ledger.findByWamid(event.contextWamid())
				.flatMap((message) -> this.debts.find(message.debtId()));
			if (answered.isPresent()) {
				return answered;
			}
		}
		return (open.size() == 1) ? Optional.of(open.get(0)) : Optional.empty();
	}

	private void optOut(InboundEvent event, Optional<Debt> debt) {
		this.replies.optOut(event.phone(), debt.orElse(null),
				"el deudor respondió «" + ((event.body() != null) ? event.body() : event.payload()) + "»");
		this.store.processed(event.id(), debt.map(Debt::debtId).orElse(null), ReplyIntent.Kind.OPT_OUT.name(),
				this.clock.instant());
	}

}
