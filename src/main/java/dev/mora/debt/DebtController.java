package dev.mora.debt;

import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import dev.mora.contact.ContactGate;
import dev.mora.payment.PaymentLedger;
import dev.mora.whatsapp.Replies;
import dev.mora.strategy.DunningSchedule;
import dev.mora.web.ApiPermissions;
import dev.mora.whatsapp.MessageLedger;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/debts")
class DebtController {

	private final DebtService debts;

	private final DebtCsvReader csv;

	private final DunningSchedule schedule;

	private final MessageLedger messages;

	private final PaymentLedger payments;

	private final ContactGate contactGate;

	private final Replies replies;

	private final Clock clock;

	private final ApiPermissions permissions;

	DebtController(DebtService debts, DebtCsvReader csv, DunningSchedule schedule, MessageLedger messages,
			PaymentLedger payments, ContactGate contactGate, Replies replies, Clock clock, ApiPermissions permissions) {
		this.clock = clock;
		this.permissions = permissions;
		this.contactGate = contactGate;
		this.replies = replies;
		this.debts = debts;
		this.csv = csv;
		this.schedule = schedule;
		this.messages = messages;
		this.payments = payments;
	}

	@PostMapping(consumes = "application/json")
	ResponseEntity<DebtView> register(@RequestBody DebtRequest request) {
		this.permissions.requireStart();
		if (request == null) {
			throw new InvalidDebtException(List.of(FieldError.of("body", "is required")));
		}
		DebtService.Registration registration = this.debts.register(request);
		DebtView view = view(registration.debt());
		if (registration.created()) {
			return ResponseEntity.created(URI.create("/api/debts/" + view.debtId())).body(view);
		}
		return ResponseEntity.ok(view);
	}

	@PostMapping(path = "/import", consumes = { "text/csv", "text/plain" })
	DebtService.ImportResult importCsv(HttpServletRequest request) throws IOException {
		this.permissions.requireStart();
		List<DebtRequest> rows = this.csv.read(new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8));
		if (rows.isEmpty()) {
			throw new InvalidDebtException(List.of(FieldError.of("body", "has a header but no rows")));
		}
		return this.debts.importAll(rows, DebtCsvReader.FIRST_ROW);
	}

	@GetMapping("/{debtId}")
	DebtView get(@PathVariable String debtId) {
		this.permissions.requireRead();
		return view(this.debts.get(debtId));
	}

	@PostMapping("/{debtId}/cancel")
	DebtView cancel(@PathVariable String debtId) {
		this.permissions.requireUpdate();
		return view(this.debts.cancel(debtId));
	}

	private DebtView view(Debt debt) {
		List<DebtView.ScheduledStage> coming = debt.isCollectable() ? this.schedule.of(debt)
			.coming(this.clock.instant(), debt.stage())
			.stream()
			.map((stage) -> new DebtView.ScheduledStage(stage.stage(), stage.plannedAt(), stage.template(), stage.tone()))
			.toList() : List.of();
		return new DebtView(debt.debtId(),
				new DebtView.DebtorView(debt.debtor().id(), debt.debtor().name(), debt.debtor().phone(),
						this.contactGate.blockOf(debt.debtor()).orElse(null)),
				debt.status().name(), debt.amount().toPlainString(), debt.balance().toPlainString(),
				debt.credit().toPlainString(), debt.currency(),
				debt.dueDate(), debt.segment(), debt.timezone().getId(), debt.language(), debt.stage(), coming,
				debt.promisedUntil(),
				this.messages.messagesOf(debt.debtId())
					.stream()
					.map((m) -> new DebtView.MessageView(m.wamid(), m.stage(), m.template(),
							m.status().name().toLowerCase(java.util.Locale.ROOT), m.createdAt(), m.sentAt(),
							m.statusAt(), m.errorCode(), m.errorTitle()))
					.toList(),
				this.replies.about(debt.debtId())
					.stream()
					.map((r) -> new DebtView.ReplyView(r.sentAt(), r.messageType(),
							(r.body() != null) ? r.body() : r.payload(), r.intent()))
					.toList(),
				this.payments.paymentsOf(debt.debtId())
					.stream()
					.map((p) -> new DebtView.PaymentView(p.provider(), p.paymentId(), p.amount().toPlainString(),
							p.currency(), p.paidAt(), p.status()))
					.toList(),
				debt.createdAt());
	}

}
