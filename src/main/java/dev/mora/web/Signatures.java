package dev.mora.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC-SHA256 signatures, compared in constant time. */
public final class Signatures {

	private Signatures() {
	}

	public static byte[] hmacSha256(byte[] secret, byte[] data) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(data);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The lowercase hex HMAC-SHA256 of {@code data}. */
	public static String hex(String secret, byte[] data) {
		return HexFormat.of().formatHex(hmacSha256(secret.getBytes(StandardCharsets.UTF_8), data));
	}

	/**
	 * Whether {@code header} is {@code sha256=<hex HMAC-SHA256(secret, body)>}, compared in constant time.
	 * @param secret the shared secret
	 * @param body the raw bytes as received
	 * @param header the signature header, or null
	 */
	public static boolean validSha256Header(String secret, byte[] body, String header) {
		if (secret == null || secret.isEmpty() || header == null || !header.startsWith("sha256=")) {
			return false;
		}
		byte[] expected = hex(secret, body).getBytes(StandardCharsets.US_ASCII);
		byte[] given = header.substring("sha256=".length()).strip().toLowerCase().getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given);
	}

}
