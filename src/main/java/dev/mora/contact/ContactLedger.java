package dev.mora.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail and the blocks. Attempts are written in a transaction of their own: the evidence of a contact
 * must survive the rollback of the job that made it.
 */
@Repository
class ContactLedger {

	static final String DEBTOR = "DEBTOR";

	static final String PHONE = "PHONE";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	ContactLedger(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	void record(String debtorId, ContactAttempt attempt) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc.sql("""
				INSERT INTO contact_attempt (debtor_id, debt_id, stage, channel, template, outcome, rule_applied, wamid,
				                             deferred_to, attempted_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(debtorId, attempt.debtId(), attempt.stage(), attempt.channel(), attempt.template(),
					attempt.outcome().name(), truncate(attempt.rule()), attempt.wamid(), utc(attempt.deferredTo()),
					utc(attempt.at()))
			.update());
	}

	List<ContactAttempt> attemptsOf(String debtorId) {
		return this.jdbc.sql("""
				SELECT attempted_at, debt_id, stage, channel, template, outcome, rule_applied, wamid, deferred_to
				FROM contact_attempt WHERE debtor_id = ? ORDER BY attempted_at, attempt_id
				""").param(debtorId).query(ContactLedger::map).list();
	}

	long sentSince(String debtorId, Instant since) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM contact_attempt WHERE debtor_id = ? AND outcome = 'SENT' AND attempted_at >= ?
				""").params(debtorId, utc(since)).query(Long.class).single();
	}

	/** Locks the debtor's row until the transaction ends, so that two sends to one debtor are counted in turn. */
	void lockDebtor(String debtorId) {
		this.jdbc.sql("SELECT debtor_id FROM debtor WHERE debtor_id = ? FOR UPDATE").param(debtorId).query().listOfRows();
	}

	Optional<String> block(String kind, String key) {
		return this.jdbc.sql("SELECT reason FROM contact_block WHERE kind = ? AND block_key = ?")
			.params(kind, key)
			.query(String.class)
			.optional();
	}

	void addBlock(String kind, String key, String reason, Instant at) {
		int updated = this.jdbc.sql("UPDATE contact_block SET reason = ? WHERE kind = ? AND block_key = ?")
			.params(truncate(reason), kind, key)
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO contact_block (kind, block_key, reason, created_at) VALUES (?, ?, ?, ?)")
				.params(kind, key, truncate(reason), utc(at))
				.update();
		}
	}

	void removeBlock(String kind, String key) {
		this.jdbc.sql("DELETE FROM contact_block WHERE kind = ? AND block_key = ?").params(kind, key).update();
	}

	private static ContactAttempt map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime deferred = rs.getObject("deferred_to", OffsetDateTime.class);
		return new ContactAttempt(rs.getObject("attempted_at", OffsetDateTime.class).toInstant(),
				rs.getString("debt_id"), rs.getString("stage"), rs.getString("channel"), rs.getString("template"),
				ContactOutcome.valueOf(rs.getString("outcome")), rs.getString("rule_applied"), rs.getString("wamid"),
				(deferred != null) ? deferred.toInstant() : null);
	}

	private static String truncate(String text) {
		return (text.length() > 200) ? text.substring(0, 200) : text;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
