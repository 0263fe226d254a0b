package dev.mora.lifecycle;

import dev.mora.refinancing.Refinancing;
import dev.mora.whatsapp.ReplyIntent;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;

import org.springframework.stereotype.Component;

/** What agents have in hand for a debt already, so that a second request does not open a second task. */
@Component
class AgentTasks {

	private final RuntimeService runtimeService;

	private final TaskService taskService;

	AgentTasks(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	/**
	 * Whether what the intent asks for is being handled already: a refinancing under review (by an agent or a
	 * supervisor), a payment claim being verified.
	 * @param intent a reply intent's name
	 */
	boolean alreadyInHand(String debtId, String intent) {
		if (ReplyIntent.Kind.REFINANCE.name().equals(intent)) {
			return this.runtimeService.createProcessInstanceQuery()
				.processDefinitionKey(Refinancing.KEY)
				.processInstanceBusinessKey(debtId)
				.count() > 0;
		}
		if (ReplyIntent.Kind.ALREADY_PAID.name().equals(intent)) {
			return this.taskService.createTaskQuery()
				.processInstanceBusinessKey(debtId)
				.taskDefinitionKey(DebtLifecycle.Elements.VERIFY_PAYMENT_CLAIM)
				.count() > 0;
		}
		return false;
	}

}
