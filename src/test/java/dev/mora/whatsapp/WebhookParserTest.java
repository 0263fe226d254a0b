package dev.mora.whatsapp;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mora.testing.Fixtures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookParserTest {

	private final ObjectMapper json = new ObjectMapper();

	@Test
	void textMessage() throws Exception {
		InboundEvent event = parse("inbound-text.json").get(0);

		assertThat(event.kind()).isEqualTo(InboundEvent.MESSAGE);
		assertThat(event.externalId()).isEqualTo("wamid.HBgLNTE5ODc2NTQzMjEVAgASGBQzQUVCMDFBRjRDQjM5RjE4QjZBRQA=");
		assertThat(event.phone()).isEqualTo("+51987654321");
		assertThat(event.messageType()).isEqualTo("text");
		assertThat(event.body()).isEqualTo("Ya pagué ayer por Yape");
		assertThat(event.sentAt()).isEqualTo(Instant.ofEpochSecond(1765290245));
	}

	@Test
	void templateQuickReplyButton() throws Exception {
		InboundEvent event = parse("inbound-template-button.json").get(0);

		assertThat(event.messageType()).isEqualTo("button");
		assertThat(event.payload()).isEqualTo("REFINANCE:INV-1001");
		assertThat(event.body()).isEqualTo("Refinanciar");
		assertThat(event.contextWamid()).isEqualTo("wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI4QzU2RjVBOEQ5OEE2QjY3MEEA");
	}

	@Test
	void interactiveButtonReply() throws Exception {
		InboundEvent event = parse("inbound-interactive-reply.json").get(0);

		assertThat(event.messageType()).isEqualTo("interactive");
		assertThat(event.payload()).isEqualTo("PAY:INV-1001");
		assertThat(event.body()).isEqualTo("Pagar ahora");
	}

	@Test
	void statusesWithTheirErrors() throws Exception {
		InboundEvent delivered = parse("status-delivered.json").get(0);
		InboundEvent failed = parse("status-failed-131026.json").get(0);

		assertThat(delivered.kind()).isEqualTo(InboundEvent.STATUS);
		assertThat(delivered.status()).isEqualTo("delivered");
		assertThat(delivered.contextWamid()).isEqualTo("wamid.HBgLNTE5ODc2NTQzMjEVAgARGBI4QzU2RjVBOEQ5OEE2QjY3MEEA");
		assertThat(delivered.externalId()).endsWith("/delivered");
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.errorCode()).isEqualTo(131026);
	}

	@Test
	void unknownTypesAreKeptWithTheirType() throws Exception {
		String sticker = Fixtures.whatsApp("inbound-text.json")
			.replace("\"type\":\"text\",\"text\":{\"body\":\"Ya pagué ayer por Yape\"}", "\"type\":\"sticker\",\"sticker\":{\"id\":\"1\"}");

		InboundEvent event = WebhookParser.parse(this.json.readTree(sticker)).get(0);

		assertThat(event.messageType()).isEqualTo("sticker");
		assertThat(event.body()).isNull();
	}

	private List<InboundEvent> parse(String fixture) throws Exception {
		return WebhookParser.parse(this.json.readTree(Fixtures.whatsApp(fixture)));
	}

}
