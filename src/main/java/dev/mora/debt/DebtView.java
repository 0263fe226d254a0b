package dev.mora.debt;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A debt as {@code GET /api/debts/{debtId}} shows it. Amounts are strings so that no client rounds them. {@code stage}
 * is the last stage sent, null (but present) before the first.
 */
record DebtView(String debtId, DebtorView debtor, String status, String amount, String balance, String credit,
		String currency, LocalDate dueDate, String segment, String timezone, String language,
		@JsonInclude(JsonInclude.Include.ALWAYS) String stage, List<ScheduledStage> schedule,
		LocalDate promisedUntil, List<MessageView> messages, List<ReplyView> replies, List<PaymentView> payments,
		Instant createdAt) {

	/** {@code doNotContact}: why no message may go to this debtor (an opt-out, a flag), or null. */
	record DebtorView(String id, String name, String phone, String doNotContact) {
	}

	record ReplyView(Instant at, String type, String text, String intent) {
	}

	record ScheduledStage(String stage, Instant plannedAt, String template, String tone) {
	}

	record MessageView(String wamid, String stage, String template, String status, Instant createdAt, Instant sentAt,
			Instant statusAt, Integer errorCode, String error) {
	}

	record PaymentView(String provider, String paymentId, String amount, String currency, Instant paidAt,
			String status) {
	}

}
