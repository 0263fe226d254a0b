package dev.mora.debt;

/** Published inside the transaction that stores a new debt, so that its lifecycle starts in that same transaction. */
public record DebtRegistered(String debtId) {
}
