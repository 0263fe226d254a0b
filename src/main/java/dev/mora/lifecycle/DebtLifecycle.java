package dev.mora.lifecycle;

import java.util.Date;

import dev.mora.refinancing.Refinancing;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The {@code DebtLifecycle} process ({@code processes/DebtLifecycle.bpmn}): its key, element ids, messages, errors
 * and typed variables. Nothing else in Java repeats these names.
 */
public final class DebtLifecycle {

	public static final String KEY = "DebtLifecycle";

	public static final String MSG_DEBT_CANCELLED = "Msg_DebtCancelled";

	public static final String MSG_PAYMENT_RECEIVED = "Msg_PaymentReceived";

	public static final String MSG_REPLY_RECEIVED = "Msg_ReplyReceived";

	/** WhatsApp reported, after accepting it, that a reminder will never reach the debtor. */
	public static final String MSG_RECIPIENT_UNREACHABLE = "Msg_RecipientUnreachable";

	/** The ledger key of the thank-you message: sent once per debt. */
	public static final String THANK_YOU = "THANK_YOU";

	public static final String ERR_RECIPIENT_UNREACHABLE = "Err_RecipientUnreachable";

	/** The candidate group of every agent task. */
	public static final String AGENTS = "collection-agents";

	private DebtLifecycle() {
	}

	/** Element ids, for tests and for Cockpit links. */
	public static final class Elements {

		public static final String START = "StartEvent_DebtRegistered";

		/** The automatic reminders: every stage's wait, balance check and send, until none is left. */
		public static final String REMINDERS = "SubProcess_Reminders";

		public static final String PLAN_NEXT_STAGE = "Task_PlanNextStage";

		public static final String STAGES_LEFT = "Gateway_StagesLeft";

		public static final String TIMER_STAGE_DUE = "Timer_StageDue";

		public static final String CHOOSE_STAGE = "Task_ChooseStage";

		public static final String READ_BALANCE = "Task_ReadBalance";

		public static final String STILL_OWED = "Gateway_StillOwed";

		public static final String SEND_REMINDER = "Task_SendReminder";

		public static final String DEFERRED = "Gateway_Deferred";

		public static final String TIMER_CONTACT_WINDOW = "Timer_ContactWindowOpens";

		public static final String END_STAGES_EXHAUSTED = "EndEvent_StagesExhausted";

		public static final String BALANCE_LEFT = "Gateway_BalanceLeft";

		/** A send refused for good (131026 and the like): the reminders stop, an agent contacts the debtor. */
		public static final String RECIPIENT_UNREACHABLE = "Boundary_RecipientUnreachable";

		/** The same, reported later by a {@code failed} status webhook. */
		public static final String MESSAGE_UNDELIVERED = "Boundary_MessageUndelivered";

		/** An agent read a reply as a dispute: the reminders stop until one resolves it. */
		public static final String DEBT_DISPUTED = "Boundary_DebtDisputed";

		public static final String CONTACT_MANUALLY = "UserTask_ContactManually";

		public static final String CHECK_CONTACT_OUTCOME = "Task_CheckContactOutcome";

		public static final String RECORD_CONTACT_PROMISE = "Task_RecordContactPromise";

		public static final String MARK_WRONG_NUMBER = "Task_MarkWrongNumber";

		public static final String RESOLVE_DISPUTE = "UserTask_ResolveDispute";

		public static final String CHECK_DISPUTE_RESOLUTION = "Task_CheckDisputeResolution";

		public static final String DECIDE_FINAL_ACTION = "UserTask_DecideFinalAction";

		public static final String RECORD_FINAL_ACTION = "Task_RecordFinalAction";

		public static final String END_NOTHING_OWED = "EndEvent_NothingOwed";

		public static final String END_HANDED_OVER = "EndEvent_HandedOver";

		public static final String END_CANCELLED = "EndEvent_DebtCancelled";

		public static final String PAYMENT_RECEIVED = "StartEvent_PaymentReceived";

		public static final String REPLY_RECEIVED = "StartEvent_ReplyReceived";

		public static final String RESEND_PAYMENT_LINK = "Task_ResendPaymentLink";

		public static final String RECORD_PROMISE = "Task_RecordPromise";

		public static final String REVIEW_REFINANCING = Refinancing.Elements.REVIEW;

		public static final String VERIFY_PAYMENT_CLAIM = "UserTask_VerifyPaymentClaim";

		public static final String CLAIM_CLOSED_BY_PAYMENT = "Boundary_ClaimPaid";

		public static final String CHECK_PAYMENT_CLAIM = "Task_CheckPaymentClaim";

		public static final String RECORD_CLAIMED_PAYMENT = "Task_RecordClaimedPayment";

		public static final String END_CLAIM_CONFIRMED = "EndEvent_ClaimConfirmed";

		public static final String ASK_FOR_VOUCHER = "Task_AskForVoucher";

		public static final String END_VOUCHER_ASKED = "EndEvent_PaymentClaimReviewed";

		public static final String READ_REPLY = "UserTask_ReadReply";

		public static final String CHECK_CHOSEN_INTENT = "Task_CheckChosenIntent";

		public static final String OPT_OUT_NUMBER = "Task_OptOutNumber";

		public static final String END_OPTED_OUT = "EndEvent_OptedOut";

		public static final String END_DEBT_DISPUTED = "EndEvent_DebtDisputed";

		public static final String END_REPLY_READ = "EndEvent_ReplyRead";

		public static final String CONFIRM_PAYMENT = "Task_ConfirmPayment";

		public static final String END_PAYMENT_CONFIRMED = "EndEvent_PaymentConfirmed";

		public static final String SEND_THANK_YOU = "Task_SendThankYou";

		public static final String END_SETTLED = "EndEvent_DebtSettled";

		private Elements() {
		}

	}

	/** The process variables, typed. The process holds references and decisions, never documents. */
	public static final class Variables {

		public static final String DEBT_ID = "debtId";

		public static final String STAGES_LEFT = "stagesLeft";

		public static final String NEXT_STAGE = "nextStage";

		public static final String NEXT_STAGE_AT = "nextStageAt";

		public static final String STAGE = "stage";

		public static final String STAGE_TEMPLATE = "stageTemplate";

		public static final String STILL_OWED = "stillOwed";

		public static final String FINAL_ACTION = "finalAction";

		public static final String FINAL_COMMENT = "comment";

		/** What the agents' forms submit. */
		public static final String CONTACT_OUTCOME = "contactOutcome";

		public static final String CONTACT_COMMENT = "contactComment";

		public static final String CHOSEN_INTENT = "chosenIntent";

		public static final String REPLY_COMMENT = "replyComment";

		public static final String CLAIM_OUTCOME = "claimOutcome";

		public static final String CLAIM_AMOUNT = "claimAmount";

		public static final String CLAIM_REFERENCE = "claimReference";

		public static final String CLAIM_COMMENT = "claimComment";

		public static final String DISPUTE_RESOLUTION = "disputeResolution";

		public static final String DISPUTE_COMMENT = "disputeComment";

		public static final String DEFERRED = "deferred";

		/** Local to a payment's event subprocess: which payment woke it. */
		public static final String PAYMENT_PROVIDER = "paymentProvider";

		public static final String PAYMENT_ID = "paymentId";

		/** Local to a reply's event subprocess. */
		public static final String REPLY_INTENT = "replyIntent";

		public static final String REPLY_TEXT = "replyText";

		public static final String REPLY_EVENT_ID = "replyEventId";

		/** The day promised, an ISO date: in a reply's event subprocess, or from an agent's manual contact. */
		public static final String PROMISED_DATE = "promisedDate";

		public static final String REPLY_NOTE = "replyNote";

		public static final String DEFERRED_UNTIL = "deferredUntil";

		private Variables() {
		}

		public static String debtId(VariableScope scope) {
			return (String) scope.getVariable(DEBT_ID);
		}

		public static String stage(VariableScope scope) {
			return (String) scope.getVariable(STAGE);
		}

		public static String stageTemplate(VariableScope scope) {
			return (String) scope.getVariable(STAGE_TEMPLATE);
		}

		public static String paymentProvider(VariableScope scope) {
			return (String) scope.getVariable(PAYMENT_PROVIDER);
		}

		public static String paymentId(VariableScope scope) {
			return (String) scope.getVariable(PAYMENT_ID);
		}

		public static long replyEventId(VariableScope scope) {
			return ((Number) scope.getVariable(REPLY_EVENT_ID)).longValue();
		}

		/** The reply being acted on; null outside a reply's event subprocess (an agent's phone call, say). */
		public static Long replyEventIdOrNull(VariableScope scope) {
			Object id = scope.getVariable(REPLY_EVENT_ID);
			return (id != null) ? ((Number) id).longValue() : null;
		}

		public static java.time.LocalDate promisedDate(VariableScope scope) {
			return java.time.LocalDate.parse((String) scope.getVariable(PROMISED_DATE));
		}

		public static void nextStage(VariableScope scope, String stage, Date at) {
			scope.setVariable(STAGES_LEFT, stage != null);
			scope.setVariable(NEXT_STAGE, stage);
			scope.setVariable(NEXT_STAGE_AT, at);
		}

		public static void stage(VariableScope scope, String stage, String template) {
			scope.setVariable(STAGE, stage);
			scope.setVariable(STAGE_TEMPLATE, template);
		}

		/** The slot the last deferral waited for, or null. */
		public static Date deferredUntil(VariableScope scope) {
			return (Date) scope.getVariable(DEFERRED_UNTIL);
		}

		/** When a send was deferred by the contact policy: the next allowed slot; null when it was not. */
		public static void deferredUntil(VariableScope scope, Date until) {
			scope.setVariable(DEFERRED, until != null);
			scope.setVariable(DEFERRED_UNTIL, until);
		}

		public static void stillOwed(VariableScope scope, boolean owed) {
			scope.setVariable(STILL_OWED, owed);
		}

	}

}
