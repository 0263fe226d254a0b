package dev.mora.whatsapp;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WhatsAppPropertiesTest {

	@Test
	void withoutAnAccessTokenMessagesGoToTheSimulatorUnlessABaseIsGiven() {
		assertThat(properties("", "", "simulator-app-secret").effectiveApiBaseUrl()).isNull();
		assertThat(properties("http://localhost:9999", "", "simulator-app-secret").effectiveApiBaseUrl())
			.isEqualTo("http://localhost:9999");
	}

	@Test
	void anAccessTokenSendsToMetaAndNeedsTheAppsOwnSecret() {
		assertThat(properties("", "EAAG-token", "a1b2c3-real-secret").effectiveApiBaseUrl())
			.isEqualTo("https://graph.facebook.com");
		assertThatThrownBy(() -> properties("", "EAAG-token", "simulator-app-secret"))
			.hasMessageContaining("mora.whatsapp.app-secret");
		assertThatThrownBy(() -> properties("", "EAAG-token", "")).hasMessageContaining("MORA_WHATSAPP_APP_SECRET");
	}

	private static WhatsAppProperties properties(String base, String token, String secret) {
		return new WhatsAppProperties(base, "v23.0", "106540352242922", token, secret, "verify", 80,
				Duration.ofSeconds(10), Duration.ofSeconds(6));
	}

}
