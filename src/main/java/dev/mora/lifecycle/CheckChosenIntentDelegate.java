package dev.mora.lifecycle;

import java.time.Clock;
import java.time.LocalDate;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import org.springframework.stereotype.Component;

/**
 * Checks what an agent read a reply as, in the transaction that completes the task, and hands it back to the reply's
 * intent gateway as {@code replyIntent}: it is acted on as if Mora had read the reply so. What agents have in hand
 * already (a refinancing under review, a payment claim being checked) is not opened twice, as with replies. A bad
 * choice fails the completion: the task stays open, and the REST API answers 400 naming each field.
 */
@Component
class CheckChosenIntentDelegate implements JavaDelegate {

	private final DebtService debts;

	private final AgentTasks agentTasks;

	private final Clock clock;

	CheckChosenIntentDelegate(DebtService debts, AgentTasks agentTasks, Clock clock) {
		this.debts = debts;
		this.agentTasks = agentTasks;
		this.clock = clock;
	}

	@Override
	public void execute(DelegateExecution execution) {
		Debt debt = this.debts.get(DebtLifecycle.Variables.debtId(execution));
		ReplyReviewDecision decision = ReplyReviewDecision.read(
				execution.getVariable(DebtLifecycle.Variables.CHOSEN_INTENT),
				execution.getVariable(DebtLifecycle.Variables.PROMISED_DATE),
				execution.getVariable(DebtLifecycle.Variables.REPLY_COMMENT),
				LocalDate.now(this.clock.withZone(debt.timezone())), debt.timezone());
		String intent = decision.intent().name();
		execution.setVariable(DebtLifecycle.Variables.CHOSEN_INTENT, intent);
		execution.setVariable(DebtLifecycle.Variables.REPLY_INTENT,
				this.agentTasks.alreadyInHand(debt.debtId(), intent) ? ReplyReviewDecision.Intent.NONE.name() : intent);
		if (decision.promisedDate() != null) {
			execution.setVariable(DebtLifecycle.Variables.PROMISED_DATE, decision.promisedDate().toString());
		}
	}

}
