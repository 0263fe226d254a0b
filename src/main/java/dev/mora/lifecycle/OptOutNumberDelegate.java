package dev.mora.lifecycle;

import dev.mora.debt.DebtService;
import dev.mora.whatsapp.Replies;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * An agent read a reply as a request to stop: the number gets no more WhatsApp, for any debt, exactly as when Mora
 * reads "BAJA" itself (with one confirmation inside the 24-hour window).
 */
@Component
class OptOutNumberDelegate implements JavaDelegate {

	private final DebtService debts;

	private final Replies replies;

	OptOutNumberDelegate(DebtService debts, Replies replies) {
		this.debts = debts;
		this.replies = replies;
	}

	@Override
	public void execute(DelegateExecution execution) {
		this.replies.optOut(this.debts.get(DebtLifecycle.Variables.debtId(execution)),
				"un agente leyó la respuesta «" + execution.getVariable(DebtLifecycle.Variables.REPLY_TEXT)
						+ "» como baja");
	}

}
