package dev.mora.payment;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import dev.mora.debt.Debt;
import dev.mora.debt.DebtService;
import dev.mora.whatsapp.MessageFormats;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Where a payment link leads: {@code /pay/{token}}. With Mercado Pago it sends the debtor on to a checkout for the
 * current balance; in the embedded mode it shows the debt and a button that records a (simulated) payment, so the
 * demo loop closes without any provider. The signed token is the only authorization.
 */
@RestController
class PayPageController {

	static final String DEMO_PROVIDER = "mora-demo";

	private final PaymentLinkService links;

	private final DebtService debts;

	private final PaymentService payments;

	private final PaymentProperties properties;

	private final MercadoPagoClient mercadoPago;

	private final Clock clock;

	PayPageController(PaymentLinkService links, DebtService debts, PaymentService payments,
			PaymentProperties properties, MercadoPagoClient mercadoPago, Clock clock) {
		this.links = links;
		this.debts = debts;
		this.payments = payments;
		this.properties = properties;
		this.mercadoPago = mercadoPago;
		this.clock = clock;
	}

	@GetMapping(path = "/pay/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String token) {
		Optional<Debt> debt = debtOf(token);
		if (debt.isEmpty()) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(html("Enlace no válido", "<p>Este enlace de pago no es válido. Usa el enlace de tu último mensaje.</p>"));
		}
		Debt found = debt.get();
		if (found.isCollectable() && this.properties.provider() == PaymentProperties.Provider.MERCADOPAGO) {
			String checkout = this.mercadoPago.createPreference(found,
					this.clock.instant().plus(this.properties.mercadoPago().linkValidity()),
					this.properties.mercadoPago().notificationUrl());
			return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(checkout)).build();
		}
		return ResponseEntity.ok(html("Pago de tu deuda", details(found, token)));
	}

	@PostMapping(path = "/pay/{token}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> pay(@PathVariable String token) {
		Optional<Debt> debt = debtOf(token);
		if (debt.isEmpty() || this.properties.provider() != PaymentProperties.Provider.MORA) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(html("Enlace no válido", "<p>Este enlace de pago no es válido.</p>"));
		}
		if (debt.get().isCollectable()) {
			this.payments.receive(new IncomingPayment(DEMO_PROVIDER, "DEMO-" + UUID.randomUUID(),
					debt.get().debtId(), debt.get().balance(), debt.get().currency(), this.clock.instant()));
		}
		return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create("/pay/" + token)).build();
	}

	private Optional<Debt> debtOf(String token) {
		return this.links.debtIdOf(token).flatMap(this.debts::find);
	}

	private static String details(Debt debt, String token) {
		String name = HtmlUtils.htmlEscape(debt.debtor().firstName(), "UTF-8");
		String balance = MessageFormats.money(debt.balance(), debt.currency());
		StringBuilder body = new StringBuilder();
		body.append("<p>Hola <strong>").append(name).append("</strong>,</p>");
		body.append("<dl><dt>Deuda</dt><dd>").append(HtmlUtils.htmlEscape(debt.debtId(), "UTF-8")).append("</dd>");
		body.append("<dt>Vencimiento</dt><dd>").append(MessageFormats.date(debt.dueDate())).append("</dd>");
		body.append("<dt>Saldo pendiente</dt><dd data-testid=\"balance\">").append(balance).append("</dd></dl>");
		if (debt.isCollectable()) {
			body.append("<form method=\"post\" action=\"/pay/").append(HtmlUtils.htmlEscape(token, "UTF-8")).append("\">")
				.append("<button type=\"submit\">Pagar ").append(balance).append("</button></form>")
				.append("<p class=\"note\">Pago de demostración: Mora registra el pago sin cobrar nada. Con un proveedor "
						+ "configurado, este enlace lleva a su checkout.</p>");
		}
		else {
			body.append("<p data-testid=\"settled\">No tienes nada pendiente en esta deuda. ¡Gracias!</p>");
		}
		return body.toString();
	}

	private static String html(String title, String body) {
		return """
				<!doctype html><html lang="es"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1"><title>%s · Mora</title>
				<style>body{font:16px/1.5 system-ui,sans-serif;max-width:420px;margin:40px auto;padding:0 16px;color:#111b21}
				h1{font-size:20px;color:#008069}dt{color:#667781;font-size:13px}dd{margin:0 0 8px}
				button{background:#008069;color:#fff;border:0;border-radius:20px;padding:10px 20px;font-size:16px;cursor:pointer}
				.note{color:#667781;font-size:13px}</style></head>
				<body><h1>%s</h1>%s</body></html>
				""".formatted(title, title, body);
	}

}
