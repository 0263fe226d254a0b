package dev.mora.lifecycle;

import dev.mora.whatsapp.ReplyReceived;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hands a debtor's reply to the debt's lifecycle as {@code Msg_ReplyReceived}. A reply that would open an agent task
 * already open for the debt (a second tap on "Refinanciar") changes nothing. A failure propagates, so the stored
 * webhook event is retried.
 */
@Component
class ReplyCorrelation {

	private static final Logger logger = LoggerFactory.getLogger(ReplyCorrelation.class);

	private final RuntimeService runtimeService;

	private final AgentTasks agentTasks;

	ReplyCorrelation(RuntimeService runtimeService, AgentTasks agentTasks) {
		this.runtimeService = runtimeService;
		this.agentTasks = agentTasks;
	}

	@EventListener
	void replyReceived(ReplyReceived reply) {
		if (this.agentTasks.alreadyInHand(reply.debtId(), reply.intent().name())) {
			logger.info("Debt {} has its {} in an agent's hands already; reply {} adds nothing", reply.debtId(),
					reply.intent(), reply.eventId());
			return;
		}
		int woken = this.runtimeService.createMessageCorrelation(DebtLifecycle.MSG_REPLY_RECEIVED)
			.processInstanceBusinessKey(reply.debtId())
			.setVariableLocal(DebtLifecycle.Variables.REPLY_INTENT, reply.intent().name())
			.setVariableLocal(DebtLifecycle.Variables.REPLY_TEXT, reply.text())
			.setVariableLocal(DebtLifecycle.Variables.REPLY_EVENT_ID, reply.eventId())
			.setVariableLocal(DebtLifecycle.Variables.PROMISED_DATE,
					(reply.promisedDate() != null) ? reply.promisedDate().toString() : null)
			.setVariableLocal(DebtLifecycle.Variables.REPLY_NOTE, reply.note())
			.correlateAllWithResult()
			.size();
		if (woken == 0) {
			logger.info("Reply {} about debt {}: its lifecycle has ended", reply.eventId(), reply.debtId());
		}
	}

}
