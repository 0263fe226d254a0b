package dev.mora.strategy;

/**
 * One row of the dunning strategy: a stage, its day relative to the due date, its WhatsApp template and its tone.
 */
public record StageRule(String stage, int offsetDays, String template, String tone) {
}
