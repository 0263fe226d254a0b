package dev.mora.web;

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

}
