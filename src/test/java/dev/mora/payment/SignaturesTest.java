package dev.mora.payment;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SignaturesTest {

	private static final String SECRET = "s3cret";

	@Test
	void signsTheRawBytesAsReceived() {
		byte[] body = "{\"paymentId\":\"PAY-1\"}".getBytes(StandardCharsets.UTF_8);
		String header = "sha256=" + Signatures.hex(SECRET, body);

		assertThat(Signatures.validSha256Header(SECRET, body, header)).isTrue();
		assertThat(Signatures.validSha256Header(SECRET, body, header.toUpperCase().replace("SHA256", "sha256")))
			.isTrue();
	}

	@Test
	void escapedUnicodeIsNotTheSameBodyAsItsCharacter() {
		byte[] escaped = "{\"name\":\"Mar\\u00eda\"}".getBytes(StandardCharsets.UTF_8);
		byte[] plain = "{\"name\":\"María\"}".getBytes(StandardCharsets.UTF_8);
		String header = "sha256=" + Signatures.hex(SECRET, escaped);

		assertThat(Signatures.validSha256Header(SECRET, escaped, header)).isTrue();
		assertThat(Signatures.validSha256Header(SECRET, plain, header)).isFalse();
	}

	@Test
	void refusesMissingMalformedOrForeignSignatures() {
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

		assertThat(Signatures.validSha256Header(SECRET, body, null)).isFalse();
		assertThat(Signatures.validSha256Header(SECRET, body, "")).isFalse();
		assertThat(Signatures.validSha256Header(SECRET, body, Signatures.hex(SECRET, body))).isFalse();
		assertThat(Signatures.validSha256Header(SECRET, body, "sha256=" + Signatures.hex("other", body))).isFalse();
		assertThat(Signatures.validSha256Header("", body, "sha256=00")).isFalse();
	}

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
