package dev.mora.whatsapp;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The WhatsApp Cloud API account. With no {@code accessToken}, Mora sends to its own simulator.
 *
 * @param apiBaseUrl the Graph API base, such as {@code https://graph.facebook.com}; empty for the simulator
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

	public boolean usesSimulator() {
		return this.accessToken == null || this.accessToken.isBlank();
	}

	public String bearerToken() {
		return usesSimulator() ? SIMULATOR_TOKEN : this.accessToken;
	}

}
