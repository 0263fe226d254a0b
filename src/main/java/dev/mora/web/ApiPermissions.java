package dev.mora.web;

import java.util.Arrays;

import dev.mora.lifecycle.DebtLifecycle;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;

import org.springframework.stereotype.Component;

/**
 * What a Camunda user may do with Mora's API, decided by the engine's authorizations on the debts' lifecycles (the
 * {@value DebtLifecycle#KEY} process), so that Camunda Admin is the one place that says who does what:
 * <ul>
 * <li>read a debt or a debtor's contacts: READ on process instances, or READ_INSTANCE on the process definition
 * (what Cockpit shows of the same debt);</li>
 * <li>register or import debts: CREATE on process instances and CREATE_INSTANCE on the definition (what starting
 * their lifecycles takes);</li>
 * <li>cancel a debt, change a debtor's name or phone, stop or allow contacting them, resume sending: UPDATE on
 * process instances, or UPDATE_INSTANCE on the definition (what correlating the cancellation and retrying failed
 * sends take).</li>
 * </ul>
 * Asked before anything is done, so that the answer never depends on whether a request happens to reach the engine:
 * registering a debt again starts no lifecycle, yet would answer with the debt, or with how it differs. The engine
 * calls that follow still run as the user (so the engine checks them too, and history records who started or
 * cancelled a lifecycle); only what follows from a recorded fact runs {@link AsSystem as the system}: reading Mora's
 * own configuration, waking a lifecycle for a payment.
 */
@Component
public class ApiPermissions {

	private final IdentityService identityService;

	private final AuthorizationService authorizationService;

	private final ProcessEngineConfiguration engineConfiguration;

	ApiPermissions(IdentityService identityService, AuthorizationService authorizationService,
			ProcessEngineConfiguration engineConfiguration) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.engineConfiguration = engineConfiguration;
	}

	/** @throws AuthorizationException unless the user may read the debts' lifecycles */
	public void requireRead() {
		requireOneOf(new Grant(ProcessInstancePermissions.READ, Resources.PROCESS_INSTANCE, Authorization.ANY),
				new Grant(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, DebtLifecycle.KEY));
	}

	/** @throws AuthorizationException unless the user may start the debts' lifecycles */
	public void requireStart() {
		requireOneOf(new Grant(ProcessInstancePermissions.CREATE, Resources.PROCESS_INSTANCE, Authorization.ANY));
		requireOneOf(new Grant(ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION,
				DebtLifecycle.KEY));
	}

	/** @throws AuthorizationException unless the user may change the debts' lifecycles */
	public void requireUpdate() {
		requireOneOf(new Grant(ProcessInstancePermissions.UPDATE, Resources.PROCESS_INSTANCE, Authorization.ANY),
				new Grant(ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION,
						DebtLifecycle.KEY));
	}

	private void requireOneOf(Grant... grants) {
		// With engine authorization switched off the engine lets everyone do everything, and so does the API.
		if (!this.engineConfiguration.isAuthorizationEnabled()) {
			return;
		}
		Authentication user = this.identityService.getCurrentAuthentication();
		if (user == null || user.getUserId() == null) {
			throw new AuthorizationException("Mora's API acts for a logged-in Camunda user only");
		}
		for (Grant grant : grants) {
			if (this.authorizationService.isUserAuthorized(user.getUserId(), user.getGroupIds(), grant.permission(),
					grant.resource(), grant.resourceId())) {
				return;
			}
		}
		throw new AuthorizationException(user.getUserId(), Arrays.stream(grants)
			.map((grant) -> new MissingAuthorization(grant.permission().getName(), grant.resource().resourceName(),
					grant.resourceId()))
			.toList());
	}

	private record Grant(Permission permission, Resource resource, String resourceId) {
	}

}
