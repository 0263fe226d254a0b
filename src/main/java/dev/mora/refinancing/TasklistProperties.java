package dev.mora.refinancing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The agents' Tasklist.
 *
 * @param demoUsers users created at start-up when missing: the embedded default's agent and supervisor (set an
 * empty list in production and manage users in Camunda Admin)
 */
@ConfigurationProperties("mora.tasklist")
public record TasklistProperties(@DefaultValue List<DemoUser> demoUsers) {

	/**
	 * @param id the login
	 * @param password the password
	 * @param firstName shown in Tasklist
	 * @param lastName shown in Tasklist
	 * @param group {@code collection-agents} or {@code collection-supervisors}
	 */
	public record DemoUser(String id, String password, String firstName, String lastName, String group) {
	}

}
