package dev.mora.payment;

import dev.mora.web.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Signed references to debts, for payment links: {@code <debtId>.<signature>}. The pay page shows a debtor's debt
 * to whoever holds the link, so links must not be guessable from a debt id.
 */
@Component
class PaymentTokens {

	private static final int SIGNATURE_CHARS = 22;

	private final byte[] secret;

	PaymentTokens(PaymentProperties properties) {
		this.secret = properties.linkSecret().getBytes(StandardCharsets.UTF_8);
	}

	String tokenFor(String debtId) {
		return debtId + "." + signature(debtId);
	}

	Optional<String> debtIdOf(String token) {
		int dot = (token != null) ? token.lastIndexOf('.') : -1;
		if (dot <= 0) {
			return Optional.empty();
		}
		String debtId = token.substring(0, dot);
		byte[] expected = signature(debtId).getBytes(StandardCharsets.US_ASCII);
		byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
		return MessageDigest.isEqual(expected, given) ? Optional.of(debtId) : Optional.empty();
	}

	private String signature(String debtId) {
		byte[] mac = Signatures.hmacSha256(this.secret, debtId.getBytes(StandardCharsets.UTF_8));
		return Base64.getUrlEncoder().withoutPadding().encodeToString(mac).substring(0, SIGNATURE_CHARS);
	}

}
