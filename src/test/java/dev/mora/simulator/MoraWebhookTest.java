package dev.mora.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoraWebhookTest {

	private static final ObjectMapper JSON = new ObjectMapper();

	@Test
	void signsAsMetaDoes() {
		// The example of GitHub's webhook documentation, which signs the same way (X-Hub-Signature-256).
		assertThat(MoraWebhook.signature("It's a Secret to Everybody",
				"Hello, World!".getBytes(StandardCharsets.UTF_8)))
			.isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
	}

	@Test
	void signsTheExactBytesItSends() throws IOException {
		try (WebhookRecorder recorder = new WebhookRecorder()) {
			MoraWebhook webhook = new MoraWebhook(new OkHttpClient(), JSON, "s3cr3t");
			webhook.target(recorder.url());

			int status = webhook.post(JSON.createObjectNode().put("object", "whatsapp_business_account")
				.put("text", "Ya pagué, ¿está bien? 👍"));

			assertThat(status).isEqualTo(200);
			assertThat(recorder.signedBodies("s3cr3t")).hasSize(1);
			assertThat(recorder.requests().get(0).getHeaders().get("User-Agent")).isEqualTo("facebookexternalua");
		}
	}

	@Test
	void withoutAnAppSecretTheBodyGoesUnsigned() throws IOException {
		try (WebhookRecorder recorder = new WebhookRecorder()) {
			MoraWebhook webhook = new MoraWebhook(new OkHttpClient(), JSON, "");
			webhook.target(recorder.url());

			webhook.post(JSON.createObjectNode());

			assertThat(recorder.requests().get(0).getHeaders().get(MoraWebhook.SIGNATURE)).isNull();
		}
	}

	@Test
	void hasNoAddressBeforeMorasServerListens() {
		MoraWebhook webhook = new MoraWebhook(new OkHttpClient(), JSON, "s3cr3t");

		assertThatThrownBy(webhook::url).isInstanceOf(IOException.class).hasMessageContaining("not listening");
	}

}
