package dev.mora.refinancing;

import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes Tasklist a workplace at start-up: the agents' and supervisors' groups, the configured demo users, and the
 * shared filters (my groups' tasks, refinancing, manual contact, my tasks, overdue tasks). Idempotent: what exists is left as it is.
 */
@Component
class TasklistSetup {

	static final String AGENTS = "collection-agents";

	static final String SUPERVISORS = "collection-supervisors";

	private static final Logger logger = LoggerFactory.getLogger(TasklistSetup.class);

	private final IdentityService identityService;

	private final FilterService filterService;

	private final TaskService taskService;

	private final TasklistProperties properties;

	TasklistSetup(IdentityService identityService, FilterService filterService, TaskService taskService,
			TasklistProperties properties) {
		this.identityService = identityService;
		this.filterService = filterService;
		this.taskService = taskService;
		this.properties = properties;
	}

	@EventListener
	void setUp(ApplicationReadyEvent event) {
		group(AGENTS, "Agentes de cobranza");
		group(SUPERVISORS, "Supervisores de cobranza");
		for (TasklistProperties.DemoUser demo : this.properties.demoUsers()) {
			user(demo);
		}
		// Each filter shows the tasks of the user's own groups (and those assigned to them): without engine
		// authorizations, a filter is the boundary of what an agent sees in Tasklist.
		filter("Tareas de mis grupos", 10, mine());
		filter("Refinanciamientos", 20,
				mine().taskDefinitionKeyIn(Refinancing.Elements.REVIEW, Refinancing.Elements.SUPERVISOR_APPROVAL));
		filter("Contacto manual", 30, mine().taskDefinitionKey("UserTask_ContactManually"));
		filter("Mis tareas", 40, this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"));
		filter("Tareas vencidas", 50, mine().dueBeforeExpression("${now()}"));
	}

	private TaskQuery mine() {
		return this.taskService.createTaskQuery()
			.taskCandidateGroupInExpression("${currentUserGroups()}")
			.includeAssignedTasks();
	}

	private void group(String id, String name) {
		if (this.identityService.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identityService.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			this.identityService.saveGroup(group);
		}
	}

	private void user(TasklistProperties.DemoUser demo) {
		if (this.identityService.createUserQuery().userId(demo.id()).count() == 0) {
			User user = this.identityService.newUser(demo.id());
			user.setPassword(demo.password());
			user.setFirstName(demo.firstName());
			user.setLastName(demo.lastName());
			this.identityService.saveUser(user);
			logger.info("Demo user {} created in {}", demo.id(), demo.group());
		}
		if (this.identityService.createUserQuery().userId(demo.id()).memberOfGroup(demo.group()).count() == 0) {
			this.identityService.createMembership(demo.id(), demo.group());
		}
	}

	private void filter(String name, int priority, TaskQuery query) {
		if (this.filterService.createTaskFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = this.filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
		this.filterService.saveFilter(filter);
	}

}
