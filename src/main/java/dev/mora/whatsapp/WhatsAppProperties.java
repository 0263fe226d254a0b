package dev.mora.whatsapp;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp Cloud API account. With no {@code accessToken}, Mora sends to its own simulator; with one, to Meta's
 * Graph API, and then the webhooks must be signed with the app's own secret, never the simulator's.
 *
 * @param apiBaseUrl the Graph API base; empty: {@code https://graph.facebook.com} with an access token, the built-in
 * simulator without one
 * @param apiVersion the Graph API version, such as {@code v23.0}
 * @param phoneNumberId the sending phone number's id
 * @param accessToken the system user's token; empty for the simulator
 * @param appSecret the app secret that signs webhooks
 * @param verifyToken the token of the webhook verification handshake
 * @param messagesPerSecond the account's throughput
 * @param timeout the time an API call may take
 * @param pairInterval the least time between two messages to the same recipient (Meta's pair rate)
 */
@Validated
@ConfigurationProperties("mora.whatsapp")
public record WhatsAppProperties(String apiBaseUrl, @NotBlank @DefaultValue("v23.0") String apiVersion,
		@NotBlank String phoneNumberId, String accessToken, String appSecret, String verifyToken,
		@Positive @DefaultValue("80") int messagesPerSecond, @DefaultValue("10s") Duration timeout,
		@DefaultValue("6s") Duration pairInterval) {

	/** The token the built-in simulator accepts. */
	public static final String SIMULATOR_TOKEN = "simulator";

	/** Meta's Graph API, where a real account's messages go. */
	public static final String GRAPH_API = "https://graph.facebook.com";

	/** The secrets of the embedded default start so; anyone can read them in the repository. */
	static final String SIMULATOR_SECRET_PREFIX = "simulator-";

	public WhatsAppProperties {
		boolean realAccount = accessToken != null && !accessToken.isBlank();
		if (realAccount && (appSecret == null || appSecret.isBlank() || appSecret.startsWith(SIMULATOR_SECRET_PREFIX))) {
			throw new IllegalArgumentException("mora.whatsapp.app-secret (MORA_WHATSAPP_APP_SECRET) must be the Meta "
					+ "app's secret when an access token is set: with the simulator's, anyone could sign webhooks");
		}
	}

	/** Where messages go: the configured base, else Meta with an access token; null for the built-in simulator. */
	public String effectiveApiBaseUrl() {
		if (this.apiBaseUrl != null && !this.apiBaseUrl.isBlank()) {
			return this.apiBaseUrl;
		}
		return usesSimulator() ? null : GRAPH_API;
	}

	public boolean usesSimulator() {
		return this.accessToken == null || this.accessToken.isBlank();
	}

	public String bearerToken() {
		return usesSimulator() ? SIMULATOR_TOKEN : this.accessToken;
	}

}
