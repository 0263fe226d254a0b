package dev.mora.lifecycle;

import java.util.Date;
import java.util.List;

import dev.mora.contact.ContactDecision;
import dev.mora.contact.ContactGate;
import dev.mora.contact.ContactOutcome;
import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.strategy.DunningSchedule;
import dev.mora.whatsapp.OutboundMessage;
import dev.mora.whatsapp.ReminderSender;
import dev.mora.whatsapp.WhatsAppErrorKind;
import dev.mora.whatsapp.WhatsAppException;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Sends the chosen stage over WhatsApp, if the contact policy lets it go now. Runs in its own job: transient errors
 * are retried by the job's retry cycle; a recipient that cannot be reached takes the BPMN path to an agent; a send
 * outside the window or over a cap is deferred to the next slot.
 */
@Component
class SendReminderDelegate implements JavaDelegate {

	private final DebtService debts;

	private final ReminderSender sender;

	private final ContactGate contactGate;

	private final Consolidation consolidation;

	private final DunningSchedule schedule;

	private final java.time.Clock clock;

	SendReminderDelegate(DebtService debts, ReminderSender sender, ContactGate contactGate,
			Consolidation consolidation, DunningSchedule schedule, java.time.Clock clock) {
		this.debts = debts;
		this.sender = sender;
		this.contactGate = contactGate;
		this.consolidation = consolidation;
		this.schedule = schedule;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Date waitedFor = DebtLifecycle.Variables.deferredUntil(execution);
		DebtLifecycle.Variables.deferredUntil(execution, null);
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		String stage = DebtLifecycle.Variables.stage(execution);
		String template = DebtLifecycle.Variables.stageTemplate(execution);
		if (!debt.isCollectable()) {
			// Paid or cancelled between the balance check and this job: send nothing.
			return;
		}
		if (this.sender.alreadySent(debt.debtId(), stage)) {
			// Sent already, in a message that covered several of the debtor's debts (or before a crash).
			this.debts.stageSent(debt.debtId(), stage);
			return;
		}
		java.time.Instant resumes = this.schedule.promiseResumesAt(debt);
		if (resumes != null && this.clock.instant().isBefore(resumes)) {
			ContactDecision promised = new ContactDecision(ContactOutcome.DEFERRED,
					"promesa de pago hasta el " + dev.mora.whatsapp.MessageFormats.date(debt.promisedUntil()), resumes);
			this.contactGate.record(debt.debtor(), debt.debtId(), stage, template, promised, null);
			DebtLifecycle.Variables.deferredUntil(execution, Date.from(resumes));
			return;
		}
		ContactDecision decision = this.contactGate.check(debt.debtor(), debt.timezone(),
				triggeredByHand(debt, stage, waitedFor));
		if (decision.outcome() == ContactOutcome.DEFERRED && tooLateForItsDueDate(debt, stage, decision)) {
			this.contactGate.record(debt.debtor(), debt.debtId(), stage, template, new ContactDecision(
					ContactOutcome.SKIPPED, decision.rule() + ": no llegaría antes del vencimiento del "
							+ dev.mora.whatsapp.MessageFormats.date(debt.dueDate()), null),
					null);
			this.debts.stageSent(debt.debtId(), stage);
			return;
		}
		if (decision.outcome() == ContactOutcome.DEFERRED) {
			this.contactGate.record(debt.debtor(), debt.debtId(), stage, template, decision, null);
			DebtLifecycle.Variables.deferredUntil(execution, Date.from(decision.deferredTo()));
			return;
		}
		if (decision.outcome() == ContactOutcome.BLOCKED) {
			this.contactGate.record(debt.debtor(), debt.debtId(), stage, template, decision, null);
			this.debts.stageSent(debt.debtId(), stage);
			return;
		}
		OutboundMessage sent;
		List<Debt> companions;
		try {
			companions = this.consolidation.companionsOf(debt, stage);
			sent = companions.isEmpty() ? this.sender.send(debt, stage, template)
					: this.sender.sendConsolidated(debt, companions, stage, template);
		}
		catch (WhatsAppException ex) {
			this.contactGate.recordFailure(debt.debtor(), debt.debtId(), stage, template, ex.getMessage());
			if (ex.kind() != WhatsAppErrorKind.PERMANENT) {
				throw ex;
			}
			// The stage is spent: the lifecycle goes on from the next one after an agent tried.
			this.debts.stageSent(debt.debtId(), stage);
			throw new BpmnError(DebtLifecycle.ERR_RECIPIENT_UNREACHABLE, ex.getMessage());
		}
		if (!companions.isEmpty()) {
			decision = new ContactDecision(ContactOutcome.SENT, decision.rule() + "; un solo mensaje por "
					+ String.join(", ", companions.stream().map(Debt::debtId).toList()) + " también", null);
		}
		this.contactGate.record(debt.debtor(), debt.debtId(), stage, sent.template(), decision, sent.wamid());
		this.debts.stageSent(debt.debtId(), stage);
	}

	/**
	 * Whether a reminder meant for before the debt is overdue (its day at or before the due date) would only go out
	 * after the due date: "vence hoy" on the day after would be wrong.
	 */
	private boolean tooLateForItsDueDate(Debt debt, String stage, ContactDecision deferral) {
		boolean beforeOverdue = this.schedule.of(debt).stage(stage).map((planned) -> planned.offsetDays() <= 0)
			.orElse(false);
		return beforeOverdue && java.time.LocalDate.ofInstant(deferral.deferredTo(), debt.timezone())
			.isAfter(debt.dueDate());
	}

	/**
	 * Whether an operator triggered this send by hand (in Cockpit, or over the REST API) before its time: the stage's
	 * timer before its planned instant, or the contact window's timer before the slot it waited for. An operator's
	 * explicit send overrides the frequency caps, never the law nor a block.
	 */
	private boolean triggeredByHand(Debt debt, String stage, Date waitedFor) {
		java.time.Instant now = this.clock.instant();
		if (waitedFor != null) {
			return now.isBefore(waitedFor.toInstant());
		}
		return this.schedule.of(debt).stage(stage).map((planned) -> planned.plannedAt().isAfter(now)).orElse(false);
	}

}
