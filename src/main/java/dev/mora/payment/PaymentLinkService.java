package dev.mora.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import dev.mora.debt.Debt;

import org.springframework.stereotype.Service;

/**
 * The payment link of a debt: every reminder's URL button and the "pay" reply use it. It points to Mora's
 * {@code /pay/{token}}, which shows the debt (embedded mode) or sends the debtor on to the provider's checkout.
 */
@Service
public class PaymentLinkService {

	private final String template;

	private final String placeholder;

	private final PaymentTokens tokens;

	PaymentLinkService(PaymentProperties properties, PaymentTokens tokens) {
		this.template = properties.linkTemplate();
		if (this.template.contains(PaymentProperties.TOKEN)) {
			this.placeholder = PaymentProperties.TOKEN;
		}
		else if (this.template.contains(PaymentProperties.DEBT_ID)) {
			this.placeholder = PaymentProperties.DEBT_ID;
		}
		else {
			throw new IllegalStateException("mora.payments.link-template must contain " + PaymentProperties.TOKEN
					+ " or " + PaymentProperties.DEBT_ID);
		}
		this.tokens = tokens;
	}

	public PaymentLink linkFor(Debt debt) {
		String value = PaymentProperties.TOKEN.equals(this.placeholder) ? this.tokens.tokenFor(debt.debtId())
				: URLEncoder.encode(debt.debtId(), StandardCharsets.UTF_8);
		String url = this.template.replace(this.placeholder, value);
		return new PaymentLink(url, url.substring(this.template.indexOf(this.placeholder)));
	}

	/** The debt id a token stands for, when its signature holds. */
	public Optional<String> debtIdOf(String token) {
		return this.tokens.debtIdOf(token);
	}

}
