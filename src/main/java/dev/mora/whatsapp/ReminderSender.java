package dev.mora.whatsapp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.mora.debt.Debt;
import dev.mora.payment.PaymentLinkService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Sends a debt's template message for one stage, at most once: the ledger is claimed before the call and a stage
 * that is out is never sent again, whatever the retries.
 */
@Service
public class ReminderSender {

	private static final Logger logger = LoggerFactory.getLogger(ReminderSender.class);

	/** The template of a message that covers several debts. */
	public static final String CONSOLIDATED = "mora_recordatorio_consolidado";

	private final WhatsAppClient client;

	private final MessageLedger ledger;

	private final TemplateCatalog catalog;

	private final PaymentLinkService paymentLinks;

	ReminderSender(WhatsAppClient client, MessageLedger ledger, TemplateCatalog catalog,
			PaymentLinkService paymentLinks) {
		this.client = client;
		this.ledger = ledger;
		this.catalog = catalog;
		this.paymentLinks = paymentLinks;
	}

	/**
	 * Sends the stage's template to the debtor, unless it was sent already.
	 * @throws WhatsAppException when the Cloud API refuses it (classified by its error code), or while an earlier
	 * attempt that got no answer waits for its status (it is sent again once WhatsApp stayed quiet about it)
	 */
	public OutboundMessage send(Debt debt, String stage, String templateName) {
		return send(debt, stage, templateName, Map.of());
	}

	/**
	 * Sends a template once per (debt, key), with more body parameters than the debt's own: a receipt's
	 * {@code pagado}, say.
	 */
	public OutboundMessage send(Debt debt, String stage, String templateName, Map<String, String> extraParameters) {
		TemplateCatalog.Template template = this.catalog.get(templateName);
		MessageLedger.Claim claim = this.ledger.claim(debt.debtId(), stage, templateName, debt.debtor().phone());
		if (!claim.mine()) {
			return alreadyThere(claim.message(), debt, stage);
		}
		TemplateMessage message = message(debt, stage, template, extraParameters);
		try {
			String wamid = this.client.send(message);
			this.ledger.accepted(claim.message().id(), wamid);
			logger.info("Sent {} ({}) of debt {} to {}", stage, templateName, debt.debtId(),
					MessageFormats.maskPhone(debt.debtor().phone()));
		}
		catch (WhatsAppException ex) {
			this.ledger.failed(claim.message().id(), ex);
			logger.warn("Sending {} of debt {} to {} failed: {} ({})", stage, debt.debtId(),
					MessageFormats.maskPhone(debt.debtor().phone()), ex.getMessage(), ex.kind());
			throw ex;
		}
		return this.ledger.find(debt.debtId(), stage).orElseThrow();
	}

	/**
	 * Sends a free-form text for a debt once per key: answers to the debtor's own messages, inside the 24-hour window.
	 */
	public OutboundMessage sendText(Debt debt, String key, String text) {
		MessageLedger.Claim claim = this.ledger.claimText(debt.debtId(), key, debt.debtor().phone());
		if (!claim.mine()) {
			return alreadyThere(claim.message(), debt, key);
		}
		try {
			this.ledger.accepted(claim.message().id(),
					this.client.sendText(debt.debtor().phone(), text, debt.debtId() + "/" + key));
		}
		catch (WhatsAppException ex) {
			this.ledger.failed(claim.message().id(), ex);
			throw ex;
		}
		return this.ledger.find(debt.debtId(), key).orElseThrow();
	}

	/**
	 * What an earlier attempt at the same (debt, key) means for this one: the message is out (nothing to send), was
	 * refused for good, or got no answer and waits for its status.
	 */
	private static OutboundMessage alreadyThere(OutboundMessage existing, Debt debt, String key) {
		if (existing.status().isOut()) {
			logger.info("{} of debt {} was sent already ({}); not sending it again", key, debt.debtId(),
					existing.wamid());
			return existing;
		}
		if (existing.status() == OutboundStatus.FAILED) {
			throw WhatsAppException.of((existing.errorCode() != null) ? existing.errorCode() : 0,
					key + " failed before: " + existing.errorTitle());
		}
		throw WhatsAppException.outcomeUnknown(key + " of debt " + debt.debtId() + " has an attempt WhatsApp did not "
				+ "answer; its status is awaited, and it is sent again only after "
				+ MessageLedger.UNKNOWN_OUTCOME_QUIET.toMinutes() + " quiet minutes", null);
	}

	/** Whether the stage of the debt has left already, alone or in a consolidated message. */
	public boolean alreadySent(String debtId, String stage) {
		return this.ledger.find(debtId, stage).map((message) -> message.status().isOut()).orElse(false);
	}

	/**
	 * Sends one message for the same stage of several debts of one debtor, listing them; each debt's ledger row
	 * carries the message's wamid, so that none of them sends the stage again. Debts whose stage is claimed already
	 * are left out; with no companion left, the debt's own template goes instead.
	 */
	public OutboundMessage sendConsolidated(Debt debt, List<Debt> companions, String stage, String templateName) {
		List<Debt> claimed = new ArrayList<>();
		List<Long> rows = new ArrayList<>();
		for (Debt companion : companions) {
			MessageLedger.Claim claim = this.ledger.claim(companion.debtId(), stage, CONSOLIDATED,
					companion.debtor().phone());
			if (claim.mine()) {
				claimed.add(companion);
				rows.add(claim.message().id());
			}
		}
		if (claimed.isEmpty()) {
			return send(debt, stage, templateName);
		}
		MessageLedger.Claim own = this.ledger.claim(debt.debtId(), stage, CONSOLIDATED, debt.debtor().phone());
		if (!own.mine()) {
			rows.forEach((id) -> this.ledger.release(id));
			return alreadyThere(own.message(), debt, stage);
		}
		rows.add(0, own.message().id());
		List<Debt> all = new ArrayList<>();
		all.add(debt);
		all.addAll(claimed);
		TemplateMessage message = consolidatedMessage(debt, all, stage);
		try {
			String wamid = this.client.send(message);
			rows.forEach((id) -> this.ledger.accepted(id, wamid));
			logger.info("Sent {} of debts {} in one message to {}", stage,
					all.stream().map(Debt::debtId).toList(), MessageFormats.maskPhone(debt.debtor().phone()));
		}
		catch (WhatsAppException ex) {
			rows.forEach((id) -> this.ledger.failed(id, ex));
			throw ex;
		}
		return this.ledger.find(debt.debtId(), stage).orElseThrow();
	}

	private TemplateMessage consolidatedMessage(Debt debt, List<Debt> all, String stage) {
		TemplateCatalog.Template template = this.catalog.get(CONSOLIDATED);
		java.math.BigDecimal total = all.stream().map(Debt::balance).reduce(java.math.BigDecimal.ZERO,
				java.math.BigDecimal::add);
		String detail = String.join("; ", all.stream()
			.map((each) -> each.debtId() + " " + MessageFormats.money(each.balance(), each.currency()) + " (vence "
					+ MessageFormats.date(each.dueDate()) + ")")
			.toList());
		List<TemplateMessage.Parameter> parameters = List.of(
				new TemplateMessage.Parameter("nombre", debt.debtor().firstName()),
				new TemplateMessage.Parameter("cantidad", String.valueOf(all.size())),
				new TemplateMessage.Parameter("total", MessageFormats.money(total, debt.currency())),
				new TemplateMessage.Parameter("detalle", detail));
		return new TemplateMessage(debt.debtor().phone(), template.name(), debt.language(), parameters,
				this.paymentLinks.linkFor(debt).buttonSuffix(),
				template.quickReplyPrefixes().stream().map((prefix) -> prefix + ":" + debt.debtId()).toList(),
				debt.debtId() + "/" + stage);
	}

	TemplateMessage message(Debt debt, String stage, TemplateCatalog.Template template,
			Map<String, String> extraParameters) {
		Map<String, String> body = parameters(debt);
		body.putAll(extraParameters);
		List<TemplateMessage.Parameter> parameters = new ArrayList<>();
		body.forEach((name, text) -> {
			if (template.body().contains("{{" + name + "}}")) {
				parameters.add(new TemplateMessage.Parameter(name, text));
			}
		});
		String urlSuffix = template.hasUrlButton() ? this.paymentLinks.linkFor(debt).buttonSuffix() : null;
		List<String> payloads = template.quickReplyPrefixes().stream().map((prefix) -> prefix + ":" + debt.debtId())
			.toList();
		return new TemplateMessage(debt.debtor().phone(), template.name(), debt.language(), parameters, urlSuffix,
				payloads, debt.debtId() + "/" + stage);
	}

	/** The body parameters every template may use. */
	static Map<String, String> parameters(Debt debt) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("nombre", debt.debtor().firstName());
		parameters.put("monto", MessageFormats.money(debt.balance(), debt.currency()));
		parameters.put("vencimiento", MessageFormats.date(debt.dueDate()));
		parameters.put("total", MessageFormats.money(debt.amount(), debt.currency()));
		return parameters;
	}

}
