package dev.mora.strategy;

import java.time.Instant;

/** A stage of one debt, with the instant its message is planned for. */
public record PlannedStage(String stage, String template, String tone, int offsetDays, Instant plannedAt) {
}
