package dev.mora.web;

import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Engine calls made as the system, whoever the thread is authenticated as: the engine checks authorizations only for
 * an authenticated user, so the user is set aside for the call and put back after it. For what Mora does because of
 * a fact it recorded (a payment arrived, its configuration is read), not because a user asked for that very thing.
 */
public final class AsSystem {

	private AsSystem() {
	}

	public static <T> T call(IdentityService identityService, Supplier<T> work) {
		Authentication caller = identityService.getCurrentAuthentication();
		identityService.clearAuthentication();
		try {
			return work.get();
		}
		finally {
			if (caller != null) {
				identityService.setAuthentication(caller);
			}
		}
	}

	public static void run(IdentityService identityService, Runnable work) {
		call(identityService, () -> {
			work.run();
			return null;
		});
	}

}
