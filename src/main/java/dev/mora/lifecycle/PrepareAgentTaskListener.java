package dev.mora.lifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.refinancing.RefinancingDeadlines;
import dev.mora.whatsapp.InboundEvent;
import dev.mora.whatsapp.MessageFormats;
import dev.mora.whatsapp.MessageLedger;
import dev.mora.whatsapp.OutboundMessage;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

import org.springframework.stereotype.Component;

/**
 * Gives an agent task what the agent needs at a glance: a name saying who and how much, a description, a due date
 * (one working day), and the debt's facts and its latest conversation as task-local variables that its form shows.
 */
@Component
class PrepareAgentTaskListener implements TaskListener {

	/** How many of the latest messages and replies the task shows. */
	static final int CONVERSATION_LENGTH = 5;

	private final DebtService debts;

	private final MessageLedger messages;

	private final Replies replies;

	private final RefinancingDeadlines deadlines;

	private final Clock clock;

	PrepareAgentTaskListener(DebtService debts, MessageLedger messages, Replies replies,
			RefinancingDeadlines deadlines, Clock clock) {
		this.debts = debts;
		this.deadlines = deadlines;
		this.messages = messages;
		this.replies = replies;
		this.clock = clock;
	}

	@Override
	public void notify(DelegateTask task) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(task));
		String balance = MessageFormats.money(debt.balance(), debt.currency());
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), debt.timezone());
		long daysOverdue = Math.max(0, ChronoUnit.DAYS.between(debt.dueDate(), today));
		task.setName(task.getName() + " – " + debt.debtor().name() + " – " + balance);
		String due = debt.dueDate().isBefore(today)
				? "venció el " + MessageFormats.date(debt.dueDate()) + " (" + daysOverdue + " días de atraso)"
				: "vence el " + MessageFormats.date(debt.dueDate());
		task.setDescription("Deuda " + debt.debtId() + " de " + debt.debtor().name() + " ("
				+ MessageFormats.maskPhone(debt.debtor().phone()) + "): saldo " + balance + ", " + due + ".");
		// Due when a refinancing review escalates: one working day on, so nothing is overdue over a weekend.
		task.setDueDate(this.deadlines.reviewDeadline());
		task.setVariableLocal("debtorName", debt.debtor().name());
		task.setVariableLocal("debtorPhone", debt.debtor().phone());
		task.setVariableLocal("balance", balance);
		task.setVariableLocal("amount", MessageFormats.money(debt.amount(), debt.currency()));
		task.setVariableLocal("dueDate", MessageFormats.date(debt.dueDate()));
		task.setVariableLocal("daysOverdue", daysOverdue);
		task.setVariableLocal("lastStage", debt.stage());
		task.setVariableLocal("conversation", conversation(debt, debt.timezone()));
	}

	/** The latest messages and replies, oldest first, one line each: what the agent needs before calling. */
	private String conversation(Debt debt, ZoneId zone) {
		DateTimeFormatter time = DateTimeFormatter.ofPattern("dd/MM HH:mm").withZone(zone);
		TreeMap<Instant, String> lines = new TreeMap<>();
		for (OutboundMessage message : this.messages.messagesOf(debt.debtId())) {
			Instant at = (message.sentAt() != null) ? message.sentAt() : message.createdAt();
			lines.put(at, time.format(at) + " Mora → " + message.template() + " (" + message.stage() + ", "
					+ message.status().name().toLowerCase(Locale.ROOT) + ")");
		}
		for (InboundEvent reply : this.replies.about(debt.debtId())) {
			if (reply.sentAt() != null) {
				lines.put(reply.sentAt().plusNanos(1), time.format(reply.sentAt()) + " Deudor: «"
						+ ((reply.body() != null) ? reply.body() : reply.messageType()) + "»");
			}
		}
		if (lines.isEmpty()) {
			return "Sin mensajes todavía.";
		}
		List<String> latest = new ArrayList<>(lines.values());
		return String.join("\n\n", latest.subList(Math.max(0, latest.size() - CONVERSATION_LENGTH), latest.size()));
	}

}
