package dev.mora.refinancing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Makes Tasklist a workplace at start-up: the agents' and supervisors' groups, the configured demo users, the
 * shared filters (my groups' tasks, refinancing, manual contact, disputes, my tasks, overdue tasks), and what the two
 * groups may see and do with engine authorization on. Idempotent: what exists is left as it is, also an authorization
 * an administrator has changed in Camunda Admin.
 * <p>
 * The tasks themselves are not granted here: the engine gives a task's candidate groups, candidate users and
 * assignee READ and UPDATE on that one task as it adds them, so a group sees exactly the tasks it is a candidate for.
 */
@Component
class TasklistSetup {

	static final String AGENTS = "collection-agents";

	static final String SUPERVISORS = "collection-supervisors";

	/** Those the engine authorizes on a task it creates or changes. */
	private static final Set<String> TASK_PEOPLE = Set.of(IdentityLinkType.CANDIDATE, IdentityLinkType.ASSIGNEE,
			IdentityLinkType.OWNER);

	private static final Logger logger = LoggerFactory.getLogger(TasklistSetup.class);

	private final IdentityService identityService;

	private final FilterService filterService;

	private final TaskService taskService;

	private final AuthorizationService authorizationService;

	private final ManagementService managementService;

	private final ProcessEngineConfigurationImpl engineConfiguration;

	private final TasklistProperties properties;

	TasklistSetup(IdentityService identityService, FilterService filterService, TaskService taskService,
			AuthorizationService authorizationService, ManagementService managementService,
			ProcessEngineConfiguration engineConfiguration, TasklistProperties properties) {
		this.identityService = identityService;
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
		this.managementService = managementService;
		this.engineConfiguration = (ProcessEngineConfigurationImpl) engineConfiguration;
		this.properties = properties;
	}

	@EventListener
	void setUp(ApplicationReadyEvent event) {
		group(AGENTS, "Agentes de cobranza");
		group(SUPERVISORS, "Supervisores de cobranza");
		for (TasklistProperties.DemoUser demo : this.properties.demoUsers()) {
			user(demo);
		}
		// Each filter shows the tasks of the user's own groups (and those assigned to them); engine authorization
		// keeps any other filter, an unrestricted one too, to the tasks the user is authorized for.
		List<String> filters = new ArrayList<>();
		filters.add(filter("Tareas de mis grupos", 10, mine()));
		filters.add(filter("Refinanciamientos", 20,
				mine().taskDefinitionKeyIn(Refinancing.Elements.REVIEW, Refinancing.Elements.SUPERVISOR_APPROVAL)));
		filters.add(filter("Contacto manual", 30, mine().taskDefinitionKey("UserTask_ContactManually")));
		filters.add(filter("Disputas", 35, mine().taskDefinitionKey("UserTask_ResolveDispute")));
		filters.add(filter("Mis tareas", 40,
				this.taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}")));
		filters.add(filter("Tareas vencidas", 50, mine().dueBeforeExpression("${now()}")));
		for (String group : List.of(AGENTS, SUPERVISORS)) {
			grantTasklist(group, filters);
		}
		// Managers watch every debt in Cockpit: its lifecycle, where it waits, its variables and incidents.
		grant(SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		grant(SUPERVISORS, Resources.PROCESS_INSTANCE, Authorization.ANY, ProcessInstancePermissions.READ);
		authorizeTasksCreatedWithoutAuthorization();
	}

	/**
	 * What working tasks in Tasklist takes beyond the tasks themselves: the application, the shared filters, personal
	 * filters (which list only tasks the user is authorized for), and the process definitions, which Tasklist reads
	 * for the process name and to find a task's Camunda Form.
	 */
	private void grantTasklist(String group, List<String> filters) {
		grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
		for (String filter : filters) {
			grant(group, Resources.FILTER, filter, Permissions.READ);
		}
		grant(group, Resources.FILTER, Authorization.ANY, Permissions.CREATE);
		grant(group, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
	}

	/** Grants the permissions, unless the group has a grant on that resource already (as set up or as changed). */
	private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
		if (this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.count() > 0) {
			return;
		}
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setGroupId(group);
		authorization.setResource(resource);
		authorization.setResourceId(resourceId);
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		this.authorizationService.saveAuthorization(authorization);
	}

	/**
	 * A database that ran with authorization off has open tasks the engine granted to nobody: their candidate groups
	 * and users, assignees and owners get what the engine gives them today, so that turning authorization on hides
	 * no work from the agents. One query finds them; once granted, none is found again.
	 */
	private void authorizeTasksCreatedWithoutAuthorization() {
		String tasksTable = this.managementService.getTableName(Task.class);
		String authorizationsTable = this.managementService.getTableName(AuthorizationEntity.class);
		List<Task> tasks = this.taskService.createNativeTaskQuery()
			.sql("SELECT T.* FROM " + tasksTable + " T WHERE NOT EXISTS (SELECT 1 FROM " + authorizationsTable
					+ " A WHERE A.RESOURCE_TYPE_ = #{taskResource} AND A.RESOURCE_ID_ = T.ID_)")
			.parameter("taskResource", Resources.TASK.resourceType())
			.list();
		int granted = 0;
		for (Task task : tasks) {
			// One authorization per user or group and task, also for an assignee who is a candidate as well.
			Map<List<String>, IdentityLink> people = new LinkedHashMap<>();
			for (IdentityLink link : this.taskService.getIdentityLinksForTask(task.getId())) {
				if (TASK_PEOPLE.contains(link.getType())) {
					people.putIfAbsent(Arrays.asList(link.getUserId(), link.getGroupId()), link);
				}
			}
			for (IdentityLink link : people.values()) {
				grantTask(task, link);
				granted++;
			}
		}
		if (granted > 0) {
			logger.info("{} authorizations granted on open tasks from before engine authorization", granted);
		}
	}

	private void grantTask(Task task, IdentityLink link) {
		Authorization authorization = this.authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
		authorization.setUserId(link.getUserId());
		authorization.setGroupId(link.getGroupId());
		authorization.setResource(Resources.TASK);
		authorization.setResourceId(task.getId());
		authorization.addPermission(TaskPermissions.READ);
		authorization.addPermission(this.engineConfiguration.getDefaultUserPermissionForTask());
		this.authorizationService.saveAuthorization(authorization);
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

	/** The id of the shared filter of that name, created when missing. */
	private String filter(String name, int priority, TaskQuery query) {
		// A user's own filter of the same name is not the shared one.
		Optional<Filter> existing = this.filterService.createTaskFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter((filter) -> filter.getOwner() == null)
			.findFirst();
		if (existing.isPresent()) {
			return existing.get().getId();
		}
		Filter filter = this.filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", name, "refresh", true));
		return this.filterService.saveFilter(filter).getId();
	}

}
