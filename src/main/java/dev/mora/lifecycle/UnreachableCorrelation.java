package dev.mora.lifecycle;

import java.util.Date;
import java.util.Optional;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.strategy.DunningSchedule;
import dev.mora.web.AsSystem;
import dev.mora.whatsapp.RecipientUnreachable;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands a reminder that WhatsApp accepted but could not deliver to the debt's lifecycle as
 * {@code Msg_RecipientUnreachable}, once its {@code failed} status is stored: the reminders stop and an agent gets the
 * manual-contact task, as when the send itself is refused. Only the reminders wait for the message, so a debt already
 * in an agent's hands gets no second task; and a task opened since the failure covers it, so a retried webhook event
 * opens none. As the system: a fact WhatsApp reported moves the lifecycle, not a user. A failure propagates, so the
 * stored event is retried.
 */
@Component
class UnreachableCorrelation {

	private static final Logger logger = LoggerFactory.getLogger(UnreachableCorrelation.class);

	private final RuntimeService runtimeService;

	private final HistoryService historyService;

	private final IdentityService identityService;

	private final DebtService debts;

	private final DunningSchedule schedule;

	UnreachableCorrelation(RuntimeService runtimeService, HistoryService historyService,
			IdentityService identityService, DebtService debts, DunningSchedule schedule) {
		this.runtimeService = runtimeService;
		this.historyService = historyService;
		this.identityService = identityService;
		this.debts = debts;
		this.schedule = schedule;
	}

	@EventListener
	void recipientUnreachable(RecipientUnreachable failure) {
		AsSystem.run(this.identityService, () -> correlate(failure));
	}

	private void correlate(RecipientUnreachable failure) {
		Optional<Debt> debt = this.debts.find(failure.debtId());
		if (debt.isEmpty() || !debt.get().isCollectable()
				|| this.schedule.of(debt.get()).stage(failure.stage()).isEmpty()) {
			// An answer to the debtor or a receipt, or a debt no longer collected: no reminder to make up for.
			return;
		}
		if (this.historyService.createHistoricTaskInstanceQuery()
			.processInstanceBusinessKey(failure.debtId())
			.taskDefinitionKey(DebtLifecycle.Elements.CONTACT_MANUALLY)
			.startedAfter(Date.from(failure.failedAt()))
			.count() > 0) {
			logger.info("Debt {}: an agent was asked to contact the debtor after {} failed; event {} adds nothing",
					failure.debtId(), failure.stage(), failure.eventId());
			return;
		}
		int woken = this.runtimeService.createMessageCorrelation(DebtLifecycle.MSG_RECIPIENT_UNREACHABLE)
			.processInstanceBusinessKey(failure.debtId())
			.correlateAllWithResult()
			.size();
		logger.info("Debt {}: WhatsApp could not deliver {} (error {}); {}", failure.debtId(), failure.stage(),
				failure.errorCode(), (woken > 0) ? "an agent contacts the debtor" : "its reminders are not running");
	}

}
