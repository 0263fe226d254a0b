package dev.mora.strategy;

import java.time.ZonedDateTime;

import dev.mora.contact.ContactPolicy;
import dev.mora.contact.ContactPolicy.Direction;
import dev.mora.contact.ContactProperties;
import dev.mora.debt.Debt;

import org.springframework.stereotype.Service;

/**
 * Plans a debt's stages: each on its day relative to the due date, at the sending time in the debtor's zone,
 * then moved into an allowed contact slot (earlier for reminders before the debt is overdue, later for escalations).
 */
@Service
public class DunningSchedule {

	private final DunningStrategy strategy;

	private final ContactPolicy contactPolicy;

	private final ContactProperties contact;

	DunningSchedule(DunningStrategy strategy, ContactPolicy contactPolicy, ContactProperties contact) {
		this.strategy = strategy;
		this.contactPolicy = contactPolicy;
		this.contact = contact;
	}

	public Schedule of(Debt debt) {
		return new Schedule(this.strategy.stagesFor(debt.segment()).stream().map((rule) -> plan(debt, rule)).toList());
	}

	/** When escalation may resume after the debtor's promise: the day after it, at the sending time; or null. */
	public java.time.Instant promiseResumesAt(Debt debt) {
		if (debt.promisedUntil() == null) {
			return null;
		}
		ZonedDateTime dayAfter = debt.promisedUntil().plusDays(1).atTime(this.contact.sendingTime())
			.atZone(debt.timezone());
		return this.contactPolicy.slotFor(dayAfter, Direction.LATER).toInstant();
	}

	private PlannedStage plan(Debt debt, StageRule rule) {
		ZonedDateTime wished = debt.dueDate()
			.plusDays(rule.offsetDays())
			.atTime(this.contact.sendingTime())
			.atZone(debt.timezone());
		Direction direction = (rule.offsetDays() <= 0) ? Direction.EARLIER : Direction.LATER;
		ZonedDateTime slot = this.contactPolicy.slotFor(wished, direction);
		java.time.Instant resumes = promiseResumesAt(debt);
		java.time.Instant planned = (resumes != null && slot.toInstant().isBefore(resumes)) ? resumes : slot.toInstant();
		return new PlannedStage(rule.stage(), rule.template(), rule.tone(), rule.offsetDays(), planned);
	}

}
