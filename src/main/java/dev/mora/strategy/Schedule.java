package dev.mora.strategy;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The stages of one debt in order, each with its planned instant. */
public record Schedule(List<PlannedStage> stages) {

	public Optional<PlannedStage> stage(String name) {
		return this.stages.stream().filter((stage) -> stage.stage().equals(name)).findFirst();
	}

	/** The stages after {@code lastSent} (all of them when nothing was sent yet). */
	public List<PlannedStage> after(String lastSent) {
		if (lastSent == null) {
			return this.stages;
		}
		for (int i = 0; i < this.stages.size(); i++) {
			if (this.stages.get(i).stage().equals(lastSent)) {
				return this.stages.subList(i + 1, this.stages.size());
			}
		}
		// A stage the strategy no longer has: continue with those not yet due when it was sent is unknowable,
		// so continue with the stages still to come.
		return this.stages;
	}

	/** The first stage after {@code lastSent}, if any is left. */
	public Optional<PlannedStage> next(String lastSent) {
		return after(lastSent).stream().findFirst();
	}

	/**
	 * The stage to send now, after {@code lastSent}: the latest one already due, so that a debt registered late or
	 * woken after downtime gets only the stage its age calls for; or, when none is due yet (a timer triggered by
	 * hand), the next one.
	 */
	public Optional<PlannedStage> dueAt(Instant now, String lastSent) {
		List<PlannedStage> left = after(lastSent);
		PlannedStage chosen = null;
		for (PlannedStage stage : left) {
			if (!stage.plannedAt().isAfter(now)) {
				chosen = stage;
			}
		}
		return (chosen != null) ? Optional.of(chosen) : left.stream().findFirst();
	}

	/**
	 * The stages still to be sent, as the lifecycle will send them: the latest one already due (it goes out at once)
	 * and those after it. Stages a late registration or downtime skipped are not among them.
	 */
	public List<PlannedStage> coming(Instant now, String lastSent) {
		List<PlannedStage> left = after(lastSent);
		int first = 0;
		for (int i = 0; i < left.size(); i++) {
			if (!left.get(i).plannedAt().isAfter(now)) {
				first = i;
			}
		}
		return left.subList(first, left.size());
	}

}
