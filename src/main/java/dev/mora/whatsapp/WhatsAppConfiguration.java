package dev.mora.whatsapp;

import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WhatsAppConfiguration {

	/** Where the built-in simulator serves the Cloud API, inside Mora. */
	static final String SIMULATOR_PATH = "/simulator/graph";

	private static final Logger logger = LoggerFactory.getLogger(WhatsAppConfiguration.class);

	private final AtomicInteger localPort = new AtomicInteger();

	@Bean
	ApplicationListener<WebServerInitializedEvent> whatsAppSimulatorPort() {
		return (event) -> this.localPort.set(event.getWebServer().getPort());
	}

	@Bean
	OkHttpClient whatsAppHttpClient(WhatsAppProperties properties) {
		return new OkHttpClient.Builder().callTimeout(properties.timeout()).build();
	}

	@Bean
	WhatsAppClient whatsAppClient(OkHttpClient whatsAppHttpClient, ObjectMapper json, WhatsAppProperties properties,
			SendingSwitch sendingSwitch) {
		if (properties.usesSimulator()) {
			logger.info("No WhatsApp access token configured: messages go to the built-in simulator at /simulator");
		}
		return new WhatsAppClient(whatsAppHttpClient, json, () -> baseUrl(properties), properties.apiVersion(),
				properties.phoneNumberId(), properties.bearerToken(),
				new SendThrottle(properties.messagesPerSecond(), properties.pairInterval(), System::nanoTime),
				sendingSwitch);
	}

	private HttpUrl baseUrl(WhatsAppProperties properties) {
		String base = properties.effectiveApiBaseUrl();
		if (base != null) {
			return HttpUrl.get(base);
		}
		int port = this.localPort.get();
		if (port == 0) {
			throw WhatsAppException.unreachable("the simulator is not listening yet", null);
		}
		return HttpUrl.get("http://localhost:" + port + SIMULATOR_PATH);
	}

}
