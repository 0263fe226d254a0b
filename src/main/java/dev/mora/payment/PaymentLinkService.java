package dev.mora.payment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import dev.mora.debt.Debt;

import org.springframework.stereotype.Service;

/** The payment link of a debt, from {@code mora.payments.link-template}. */
@Service
public class PaymentLinkService {

	private final String template;

	PaymentLinkService(PaymentProperties properties) {
		if (!properties.linkTemplate().contains(PaymentProperties.DEBT_ID)) {
			throw new IllegalStateException("mora.payments.link-template must contain " + PaymentProperties.DEBT_ID);
		}
		this.template = properties.linkTemplate();
	}

	public PaymentLink linkFor(Debt debt) {
		String id = URLEncoder.encode(debt.debtId(), StandardCharsets.UTF_8);
		String url = this.template.replace(PaymentProperties.DEBT_ID, id);
		int start = this.template.indexOf(PaymentProperties.DEBT_ID);
		return new PaymentLink(url, url.substring(start));
	}

}
