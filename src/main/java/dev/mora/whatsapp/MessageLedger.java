package dev.mora.whatsapp;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbound-message ledger: one row per (debt, stage). Its writes commit on their own, outside the engine's job
 * transaction, so that what was sent stays known even when that transaction rolls back.
 */
@Repository
public class MessageLedger {

	private static final String SELECT = """
			SELECT message_id, debt_id, stage, template, wamid, status, error_code, error_title, created_at, sent_at,
			       status_at
			FROM outbound_message
			""";

	/**
	 * How long an attempt of unknown outcome waits before it is sent again: Meta reports a message it accepted as
	 * {@code sent} within seconds, so silence this long means it never got it.
	 */
	static final Duration UNKNOWN_OUTCOME_QUIET = Duration.ofMinutes(10);

	/** A SENDING row this old with no wamid was left by a node that died sending: no send takes this long. */
	static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

	/** The ledger's template name of free-form text messages. */
	static final String TEXT = "(texto)";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	MessageLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	public List<OutboundMessage> messagesOf(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE debt_id = ? ORDER BY created_at, message_id")
			.param(debtId)
			.query(MessageLedger::map)
			.list();
	}

	Optional<OutboundMessage> find(String debtId, String stage) {
		return this.jdbc.sql(SELECT + " WHERE debt_id = ? AND stage = ?")
			.params(debtId, stage)
			.query(MessageLedger::map)
			.optional();
	}

	/**
	 * Claims the right to send a stage: a new row, or the row of an attempt that failed transiently.
	 * @return the claimed row; empty when the stage is already out or its last attempt has an unknown outcome
	 */
	Claim claim(String debtId, String stage, String template, String recipient) {
		Instant now = this.clock.instant();
		// The insert has a transaction of its own: after a failed statement PostgreSQL refuses every further one in
		// the same transaction, so the reclaim below must not share it.
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
					INSERT INTO outbound_message (debt_id, stage, template, recipient, status, created_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""")
				.params(debtId, stage, template, recipient, OutboundStatus.SENDING.name(), utc(now))
				.update());
			return new Claim(find(debtId, stage).orElseThrow(), true);
		}
		catch (DuplicateKeyException ex) {
			// A transient failure may be sent again; so may an attempt whose outcome is unknown (no answer, or a node
			// that died sending) once WhatsApp's statuses have had the time to tell it went out, and did not.
			int reclaimed = this.ownTransaction.execute((status) -> this.jdbc.sql("""
					UPDATE outbound_message SET status = ?, template = ?, recipient = ?, status_at = ?, outcome_unknown = FALSE
					WHERE debt_id = ? AND stage = ?
					  AND (status = ? OR (status = ? AND wamid IS NULL AND COALESCE(status_at, created_at) < ?))
					""")
				.params(OutboundStatus.SENDING.name(), template, recipient, utc(now), debtId, stage,
						OutboundStatus.RETRYING.name(), OutboundStatus.SENDING.name(), utc(now.minus(UNKNOWN_OUTCOME_QUIET)))
				.update());
			return new Claim(find(debtId, stage).orElseThrow(), reclaimed == 1);
		}
	}

	/**
	 * Moves the messages with this wamid to a delivery status, only forward: a late {@code delivered} never undoes
	 * {@code read}, and a {@code failed} after {@code read} is ignored.
	 * @return the messages that carry the wamid, as they stand afterwards (none: not known yet)
	 */
	List<OutboundMessage> statusReported(String wamid, OutboundStatus status, Integer errorCode, Instant at) {
		return this.ownTransaction.execute((tx) -> {
			List<OutboundMessage> messages = this.jdbc.sql(SELECT + " WHERE wamid = ?")
				.param(wamid)
				.query(MessageLedger::map)
				.list();
			for (OutboundMessage message : messages) {
				if (message.status().isBefore(status)) {
					this.jdbc.sql("UPDATE outbound_message SET status = ?, error_code = COALESCE(?, error_code), "
							+ "status_at = ? WHERE message_id = ?")
						.params(status.name(), errorCode, utc(at), message.id())
						.update();
				}
			}
			return this.jdbc.sql(SELECT + " WHERE wamid = ? ORDER BY message_id")
				.param(wamid)
				.query(MessageLedger::map)
				.list();
		});
	}

	/** The message with this wamid, if Mora sent it. */
	Optional<OutboundMessage> findByWamid(String wamid) {
		return this.jdbc.sql(SELECT + " WHERE wamid = ? ORDER BY message_id").param(wamid).query(MessageLedger::map)
			.list().stream().findFirst();
	}

	/** Records a free-form text sent for a debt under a key of its own (a reply's answer), once. */
	Claim claimText(String debtId, String key, String recipient) {
		return claim(debtId, key, TEXT, recipient);
	}

	/** Gives a claim back, unsent, so that the debt's own lifecycle sends its stage. */
	void release(long messageId) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc
			.sql("DELETE FROM outbound_message WHERE message_id = ? AND status = ?")
			.params(messageId, OutboundStatus.SENDING.name())
			.update());
	}

	void accepted(long messageId, String wamid) {
		// Only from SENDING: a status processed first (adopt) may have moved the row on already.
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE outbound_message SET status = ?, wamid = ?, sent_at = ?, status_at = ?, outcome_unknown = FALSE "
					+ "WHERE message_id = ? AND status = ?")
			.params(OutboundStatus.ACCEPTED.name(), wamid, utc(this.clock.instant()), utc(this.clock.instant()),
					messageId, OutboundStatus.SENDING.name())
			.update());
	}

	/**
	 * Gives the wamid a status reports to the attempt of unknown outcome it belongs to (by the send's callback data,
	 * {@code <debtId>/<stage>}): the message went out, and its stage is never sent again. A consolidated message's
	 * other rows, to the same number at the same stage, go with it.
	 * @return how many rows took the wamid
	 */
	int adopt(String wamid, String callbackData) {
		int slash = (callbackData != null) ? callbackData.lastIndexOf('/') : -1;
		if (slash <= 0) {
			return 0;
		}
		String debtId = callbackData.substring(0, slash);
		String stage = callbackData.substring(slash + 1);
		Instant now = this.clock.instant();
		// Only attempts known to have got no answer, or left behind by a node that died sending (older than any
		// send takes): never a send in flight, whose own answer is on its way.
		return this.ownTransaction.execute((tx) -> this.jdbc.sql("""
				UPDATE outbound_message SET status = ?, wamid = ?, sent_at = ?, status_at = ?, outcome_unknown = FALSE
				WHERE stage = ? AND status = ? AND wamid IS NULL
				  AND (outcome_unknown OR COALESCE(status_at, created_at) < ?)
				  AND (debt_id = ? OR (template = ? AND recipient = (
				      SELECT recipient FROM outbound_message WHERE debt_id = ? AND stage = ? AND template = ?)))
				""")
			.params(OutboundStatus.ACCEPTED.name(), wamid, utc(now), utc(now), stage, OutboundStatus.SENDING.name(),
					utc(now.minus(ABANDONED_AFTER)), debtId, ReminderSender.CONSOLIDATED, debtId, stage,
					ReminderSender.CONSOLIDATED)
			.update());
	}

	void failed(long messageId, WhatsAppException error) {
		if (error.outcomeUnknown()) {
			// Left SENDING: a status may still say it went out (adopt), else it is reclaimed once quiet.
			this.ownTransaction.executeWithoutResult((tx) -> this.jdbc
				.sql("UPDATE outbound_message SET error_title = ?, status_at = ?, outcome_unknown = TRUE "
						+ "WHERE message_id = ?")
				.params(truncated(error.getMessage()), utc(this.clock.instant()), messageId)
				.update());
			return;
		}
		// An account-level error says nothing about this message: once the account is fixed, its job's retry sends it.
		OutboundStatus status = (error.kind() == WhatsAppErrorKind.PERMANENT) ? OutboundStatus.FAILED
				: OutboundStatus.RETRYING;
		String title = truncated(error.getMessage());
		this.ownTransaction.executeWithoutResult((tx) -> this.jdbc.sql("""
				UPDATE outbound_message SET status = ?, error_code = ?, error_title = ?, status_at = ?
				WHERE message_id = ?
				""")
			.params(status.name(), error.code(), title,
					utc(this.clock.instant()), messageId)
			.update());
	}

	private static String truncated(String title) {
		return (title.length() > 200) ? title.substring(0, 200) : title;
	}

	private static OutboundMessage map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new OutboundMessage(rs.getLong("message_id"), rs.getString("debt_id"), rs.getString("stage"),
				rs.getString("template"), rs.getString("wamid"), OutboundStatus.valueOf(rs.getString("status")),
				(Integer) rs.getObject("error_code", Integer.class), rs.getString("error_title"),
				instant(rs.getObject("created_at", OffsetDateTime.class)),
				instant(rs.getObject("sent_at", OffsetDateTime.class)),
				instant(rs.getObject("status_at", OffsetDateTime.class)));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	/** A ledger row, and whether this caller may send it. */
	record Claim(OutboundMessage message, boolean mine) {
	}

}
