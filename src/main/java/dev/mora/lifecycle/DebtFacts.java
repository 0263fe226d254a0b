package dev.mora.lifecycle;

import dev.mora.debt.DebtService;

import org.springframework.stereotype.Component;

/** Facts about a debt for BPMN expressions and decisions, read from the database (the truth). */
@Component("debtFacts")
public class DebtFacts {

	private final DebtService debts;

	DebtFacts(DebtService debts) {
		this.debts = debts;
	}

	/** Whether the debt is still collected: active, with something left to pay. */
	public boolean collectable(String debtId) {
		return this.debts.get(debtId).isCollectable();
	}

	/** The balance, as a number a DMN table compares. */
	public double balance(String debtId) {
		return this.debts.get(debtId).balance().doubleValue();
	}

}
