package dev.mora.payment;

import java.nio.charset.StandardCharsets;

import dev.mora.web.Signatures;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MercadoPagoSignatureTest {

	private static final String SECRET = "s3cret";

	@Test
	void mercadoPagoSignsTheManifestOfIdRequestAndTime() {
		String manifest = "id:123456;request-id:bb56a2f1-6aae-46ac-982e-9dcd3581d08e;ts:1742505638683;";
		String v1 = Signatures.hex(SECRET, manifest.getBytes(StandardCharsets.UTF_8));

		assertThat(MercadoPagoWebhookController.validSignature(SECRET, "123456",
				"bb56a2f1-6aae-46ac-982e-9dcd3581d08e", "ts=1742505638683,v1=" + v1))
			.isTrue();
		assertThat(MercadoPagoWebhookController.validSignature(SECRET, "123457",
				"bb56a2f1-6aae-46ac-982e-9dcd3581d08e", "ts=1742505638683,v1=" + v1))
			.isFalse();
		assertThat(MercadoPagoWebhookController.validSignature(SECRET, "123456",
				"bb56a2f1-6aae-46ac-982e-9dcd3581d08e", "ts=1742505638684,v1=" + v1))
			.isFalse();
		assertThat(MercadoPagoWebhookController.validSignature(SECRET, "123456", null, "v1=" + v1)).isFalse();
	}

	@Test
	void alphanumericIdsAreSignedInLowerCase() {
		String manifest = "id:abc123;request-id:r-1;ts:1;";
		String v1 = Signatures.hex(SECRET, manifest.getBytes(StandardCharsets.UTF_8));

		assertThat(MercadoPagoWebhookController.validSignature(SECRET, "ABC123", "r-1", "ts=1,v1=" + v1)).isTrue();
	}

}
