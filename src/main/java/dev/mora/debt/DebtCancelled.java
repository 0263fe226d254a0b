package dev.mora.debt;

/** Published inside the transaction that cancels a debt. */
public record DebtCancelled(String debtId) {
}
