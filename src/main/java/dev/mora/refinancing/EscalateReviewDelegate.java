package dev.mora.refinancing;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;

import org.springframework.stereotype.Component;

/** The review missed its deadline: supervisors may take it too, and it shows as escalated. */
@Component
class EscalateReviewDelegate implements JavaDelegate {

	private final TaskService taskService;

	EscalateReviewDelegate(TaskService taskService) {
		this.taskService = taskService;
	}

	@Override
	public void execute(DelegateExecution execution) {
		for (Task task : this.taskService.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.taskDefinitionKey(Refinancing.Elements.REVIEW)
			.list()) {
			this.taskService.addCandidateGroup(task.getId(), TasklistSetup.SUPERVISORS);
			task.setPriority(Math.max(task.getPriority(), 80));
			task.setName(task.getName().startsWith("⚠") ? task.getName() : "⚠ " + task.getName());
			this.taskService.saveTask(task);
		}
	}

}
