package dev.mora.refinancing;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mora.testing.ApplicationIT;
import dev.mora.whatsapp.ReplyIntent;
import dev.mora.whatsapp.ReplyReceived;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ManagementService;
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
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Engine authorization decides who sees which task, over real HTTP as Tasklist and integrations call
 * {@code /engine-rest}: a refinancing review is the agents' until it is escalated; the supervisors neither list, read,
 * open nor claim it, not even through an unrestricted filter of their own.
 */
// /engine-rest finds its engine in a registry of the whole JVM, where the context started last is "default": this
// class has a context of its own, closed after it, as RefinancingIT has.
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tasklist-authorization-it;DB_CLOSE_DELAY=-1")
@DirtiesContext
class TasklistAuthorizationIT extends ApplicationIT {

	private static final String AGENT = "agente";

	private static final String SUPERVISOR = "supervisor";

	private static final List<String> SHARED_FILTERS = List.of("Tareas de mis grupos", "Refinanciamientos",
			"Contacto manual", "Disputas", "Mis tareas", "Tareas vencidas");

	@Autowired
	TasklistSetup setup;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	FilterService filterService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void startUpGrantsTasklistToBothGroupsAndCockpitToSupervisorsOnce() {
		for (String group : List.of(TasklistSetup.AGENTS, TasklistSetup.SUPERVISORS)) {
			assertGranted(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
			assertGranted(group, Resources.PROCESS_DEFINITION, Authorization.ANY, ProcessDefinitionPermissions.READ);
			assertGranted(group, Resources.FILTER, Authorization.ANY, Permissions.CREATE);
			for (String name : SHARED_FILTERS) {
				assertGranted(group, Resources.FILTER, sharedFilter(name).getId(), Permissions.READ);
			}
		}
		assertGranted(TasklistSetup.SUPERVISORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
		assertGranted(TasklistSetup.SUPERVISORS, Resources.PROCESS_INSTANCE, Authorization.ANY,
				ProcessInstancePermissions.READ);
		assertThat(grants(TasklistSetup.AGENTS, Resources.APPLICATION, "cockpit")).isEmpty();
		assertThat(grants(TasklistSetup.AGENTS, Resources.PROCESS_INSTANCE, Authorization.ANY)).isEmpty();
		// Nothing on tasks, task definitions or decisions: the engine grants each task to its candidates.
		assertThat(this.authorizationService.createAuthorizationQuery()
			.groupIdIn(TasklistSetup.AGENTS, TasklistSetup.SUPERVISORS)
			.resourceType(Resources.TASK)
			.resourceId(Authorization.ANY)
			.count()).isZero();
		List<String> before = everyAuthorization();

		this.setup.setUp(null);

		assertThat(everyAuthorization()).isEqualTo(before);
		assertThat(this.filterService.createTaskFilterQuery().list()).extracting(Filter::getName)
			.filteredOn(SHARED_FILTERS::contains)
			.hasSize(SHARED_FILTERS.size());
	}

	@Test
	void aRefinancingReviewIsTheAgentsAlone() {
		Task review = refinancingReview("TA-1");
		Authorization granted = this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(review.getId())
			.singleResult();
		assertThat(granted.getGroupId()).isEqualTo(TasklistSetup.AGENTS);
		assertThat(granted.isPermissionGranted(TaskPermissions.READ)).isTrue();
		assertThat(granted.isPermissionGranted(TaskPermissions.UPDATE)).isTrue();
		String task = "/engine-rest/task/" + review.getId();

		assertThat(callAs(SUPERVISOR, "GET", task, null).status()).isEqualTo(404);
		assertThat(callAs(SUPERVISOR, "GET", "/engine-rest/task?processInstanceBusinessKey=TA-1", null).json())
			.isEmpty();
		assertThat(callAs(SUPERVISOR, "GET", task + "/form-variables", null).status()).isEqualTo(403);
		Answer claimed = callAs(SUPERVISOR, "POST", task + "/claim", "{\"userId\":\"supervisor\"}");
		assertThat(claimed.status()).isEqualTo(403);
		assertThat(claimed.json().path("type").asText()).isEqualTo("AuthorizationException");
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
		assertThat(tasksOfAnUnrestrictedFilterOf(SUPERVISOR)).doesNotContain(review.getId());

		assertThat(callAs(AGENT, "GET", task, null).json().path("name").asText()).startsWith("Refinanciamiento");
		assertThat(callAs(AGENT, "GET", "/engine-rest/task?processInstanceBusinessKey=TA-1", null).json()).hasSize(1);
		assertThat(callAs(AGENT, "GET", task + "/deployed-form", null).json().path("id").asText())
			.isEqualTo("RefinancingReview");
		assertThat(tasksOfAnUnrestrictedFilterOf(AGENT)).contains(review.getId());
		assertThat(callAs(AGENT, "POST", task + "/claim", "{\"userId\":\"agente\"}").status()).isEqualTo(204);
		assertThat(this.taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
			.isEqualTo(AGENT);
	}

	@Test
	void anEscalatedReviewIsTheSupervisorsToo() {
		Task review = refinancingReview("TA-2");
		String task = "/engine-rest/task/" + review.getId();
		assertThat(callAs(SUPERVISOR, "GET", task, null).status()).isEqualTo(404);

		// The review's deadline passes: the escalation, delegate code run by a job, adds the supervisors' group.
		this.managementService.executeJob(this.managementService.createJobQuery()
			.processInstanceId(review.getProcessInstanceId())
			.timers()
			.singleResult()
			.getId());

		assertThat(callAs(SUPERVISOR, "GET", task, null).json().path("name").asText())
			.startsWith("⚠ Refinanciamiento");
		assertThat(callAs(AGENT, "GET", task, null).status()).isEqualTo(200);
	}

	@Test
	void anAgentsDecisionStartsTheInstalmentsLifecyclesThatOnlyTheEngineMayStartForThem() {
		Task review = refinancingReview("TA-3");

		// The agent may not start a lifecycle through Mora's API; the delegates that complete the review may.
		Answer done = callAs(AGENT, "POST", "/engine-rest/task/" + review.getId() + "/complete", """
				{"variables":{"approved":{"value":true},"installments":{"value":3},
				              "firstDueDate":{"value":"2026-12-31"}}}
				""");

		assertThat(done.status()).isEqualTo(204);
		assertThat(get("/api/debts/TA-3").json().path("status").asText()).isEqualTo("REFINANCED");
		for (int n = 1; n <= 3; n++) {
			JsonNode instalment = get("/api/debts/TA-3-C" + n).json();
			assertThat(instalment.path("status").asText()).isEqualTo("ACTIVE");
			assertThat(instalment.path("schedule")).isNotEmpty();
		}
	}

	@Test
	void openTasksFromBeforeEngineAuthorizationAreGrantedToTheirGroupsAtStartUp() {
		Task review = refinancingReview("TA-4");
		String task = "/engine-rest/task/" + review.getId();
		// As a task created while authorization was off: no authorization of its own.
		this.authorizationService.createAuthorizationQuery()
			.resourceType(Resources.TASK)
			.resourceId(review.getId())
			.list()
			.forEach((authorization) -> this.authorizationService.deleteAuthorization(authorization.getId()));
		assertThat(callAs(AGENT, "GET", task, null).status()).isEqualTo(404);

		this.setup.setUp(null);

		assertThat(callAs(AGENT, "GET", task, null).status()).isEqualTo(200);
		assertThat(callAs(SUPERVISOR, "GET", task, null).status()).isEqualTo(404);
		assertThat(grants(TasklistSetup.AGENTS, Resources.TASK, review.getId()))
			.singleElement()
			.satisfies((authorization) -> assertThat(authorization.isPermissionGranted(TaskPermissions.UPDATE))
				.isTrue());
	}

	/** A debt whose debtor asked to refinance: its open review. */
	private Task refinancingReview(String debtId) {
		ClockUtil.setCurrentTime(Date.from(LocalDate.of(2026, 12, 1).atTime(12, 0)
			.atZone(ZoneId.of("America/Lima")).toInstant()));
		assertThat(postJson("/api/debts", """
				{"debtId":"%s","debtor":{"id":"C-%s","name":"Julia Huamán","phone":"+51900000666"},
				 "amount":"900.00","currency":"PEN","dueDate":"2026-12-15"}
				""".formatted(debtId, debtId)).status()).isEqualTo(201);
		this.events.publishEvent(new ReplyReceived(1, debtId, ReplyIntent.Kind.REFINANCE, "Refinanciar", null, null));
		return this.taskService.createTaskQuery()
			.processInstanceBusinessKey(debtId)
			.taskDefinitionKey(Refinancing.Elements.REVIEW)
			.singleResult();
	}

	/** The ids of the tasks that a filter of the user's own, with no criteria at all, lists. */
	private List<String> tasksOfAnUnrestrictedFilterOf(String user) {
		Answer created = callAs(user, "POST", "/engine-rest/filter/create", """
				{"resourceType":"Task","name":"Todas las tareas de %s","owner":"%s","query":{}}
				""".formatted(user, user));
		assertThat(created.status()).isEqualTo(200);
		JsonNode tasks = callAs(user, "POST", "/engine-rest/filter/" + created.json().path("id").asText() + "/list",
				"{}").json();
		return StreamSupport.stream(tasks.spliterator(), false).map((task) -> task.path("id").asText()).toList();
	}

	private Filter sharedFilter(String name) {
		return this.filterService.createTaskFilterQuery()
			.filterName(name)
			.list()
			.stream()
			.filter((filter) -> filter.getOwner() == null)
			.findFirst()
			.orElseThrow();
	}

	private void assertGranted(String group, Resource resource, String resourceId, Permission permission) {
		assertThat(grants(group, resource, resourceId)).as("%s on %s %s", group, resource.resourceName(), resourceId)
			.singleElement()
			.satisfies((authorization) -> assertThat(authorization.isPermissionGranted(permission)).isTrue());
	}

	private List<Authorization> grants(String group, Resource resource, String resourceId) {
		return this.authorizationService.createAuthorizationQuery()
			.authorizationType(Authorization.AUTH_TYPE_GRANT)
			.groupIdIn(group)
			.resourceType(resource)
			.resourceId(resourceId)
			.list();
	}

	/** Every authorization in the engine: id, who, on what, and its permissions. */
	private List<String> everyAuthorization() {
		return this.authorizationService.createAuthorizationQuery()
			.list()
			.stream()
			.map((authorization) -> String.join(" ", authorization.getId(),
					String.valueOf(authorization.getAuthorizationType()), String.valueOf(authorization.getUserId()),
					String.valueOf(authorization.getGroupId()), String.valueOf(authorization.getResourceType()),
					authorization.getResourceId(),
					String.valueOf(((AuthorizationEntity) authorization).getPermissions())))
			.sorted()
			.toList();
	}

}
