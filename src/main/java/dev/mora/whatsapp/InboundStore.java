package dev.mora.whatsapp;

import java.sql.ResultSet;
import java.sql.SQLException;
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

/** The webhook events, each stored once (by Meta's id) in a transaction of its own, then processed with retries. */
@Repository
class InboundStore {

	private static final String SELECT = """
			SELECT event_id, kind, external_id, phone, message_type, body, payload, context_wamid, status, error_code,
			       sent_at, intent
			FROM inbound_event
			""";

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	InboundStore(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Stores the event; empty when it was stored before (Meta delivered it again). */
	Optional<Long> storeIfNew(InboundEvent event, Instant now) {
		try {
			return Optional.ofNullable(this.ownTransaction.execute((status) -> {
				this.jdbc.sql("""
						INSERT INTO inbound_event (kind, external_id, phone, message_type, body, payload, context_wamid,
						                           status, error_code, sent_at, received_at, next_attempt_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(event.kind(), event.externalId(), event.phone(), event.messageType(), event.body(),
							event.payload(), event.contextWamid(), event.status(), event.errorCode(), utc(event.sentAt()),
							utc(now), utc(now))
					.update();
				return this.jdbc.sql("SELECT event_id FROM inbound_event WHERE kind = ? AND external_id = ?")
					.params(event.kind(), event.externalId())
					.query(Long.class)
					.single();
			}));
		}
		catch (DuplicateKeyException ex) {
			return Optional.empty();
		}
	}

	Optional<InboundEvent> find(long eventId) {
		return this.jdbc.sql(SELECT + " WHERE event_id = ?").param(eventId).query(InboundStore::map).optional();
	}

	List<Long> due(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT event_id FROM inbound_event WHERE processed_at IS NULL AND next_attempt_at <= ?
				ORDER BY event_id
				""").param(utc(now)).query(Long.class).list().stream().limit(limit).toList();
	}

	/**
	 * Takes an unprocessed, due event for one processor: the webhook's request thread or a sweep, on any node. The
	 * lease runs out if that processor dies, and a later sweep takes the event again.
	 * @return whether this caller may process it
	 */
	boolean claim(long eventId, Instant now, Duration lease) {
		return this.ownTransaction.execute((status) -> this.jdbc.sql("""
				UPDATE inbound_event SET next_attempt_at = ?
				WHERE event_id = ? AND processed_at IS NULL AND next_attempt_at <= ?
				""")
			.params(utc(now.plus(lease)), eventId, utc(now))
			.update()) == 1;
	}

	void processed(long eventId, String debtId, String intent, Instant now) {
		this.ownTransaction.executeWithoutResult((status) -> this.jdbc
			.sql("UPDATE inbound_event SET processed_at = ?, debt_id = ?, intent = ?, last_error = NULL WHERE event_id = ?")
			.params(utc(now), debtId, intent, eventId)
			.update());
	}

	/** Records a failed attempt; the next waits longer (30 s doubling, at most an hour). */
	void failed(long eventId, String error, Instant now) {
		this.ownTransaction.executeWithoutResult((status) -> {
			int attempts = this.jdbc.sql("SELECT attempts FROM inbound_event WHERE event_id = ?")
				.param(eventId)
				.query(Integer.class)
				.single() + 1;
			Duration wait = Duration.ofSeconds(30L << Math.min(attempts - 1, 7)).compareTo(Duration.ofHours(1)) > 0
					? Duration.ofHours(1) : Duration.ofSeconds(30L << Math.min(attempts - 1, 7));
			this.jdbc.sql("UPDATE inbound_event SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE event_id = ?")
				.params(attempts, utc(now.plus(wait)), (error.length() > 500) ? error.substring(0, 500) : error, eventId)
				.update();
		});
	}

	int attempts(long eventId) {
		return this.jdbc.sql("SELECT attempts FROM inbound_event WHERE event_id = ?").param(eventId)
			.query(Integer.class).single();
	}

	/** When the debtor last wrote from this number: WhatsApp's 24-hour window opens there. */
	Optional<Instant> lastMessageFrom(String phone) {
		return this.jdbc.sql("SELECT MAX(sent_at) FROM inbound_event WHERE phone = ? AND kind = 'MESSAGE'")
			.param(phone)
			.query((rs, row) -> instant(rs.getObject(1, OffsetDateTime.class)))
			.optional();
	}

	/** The replies about a debt, newest last. */
	List<InboundEvent> repliesAbout(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE debt_id = ? AND kind = 'MESSAGE' ORDER BY sent_at, event_id")
			.param(debtId)
			.query(InboundStore::map)
			.list();
	}

	private static InboundEvent map(ResultSet rs, int row) throws SQLException {
		return new InboundEvent(rs.getLong("event_id"), rs.getString("kind"), rs.getString("external_id"),
				rs.getString("phone"), rs.getString("message_type"), rs.getString("body"), rs.getString("payload"),
				rs.getString("context_wamid"), rs.getString("status"), (Integer) rs.getObject("error_code", Integer.class),
				instant(rs.getObject("sent_at", OffsetDateTime.class)), rs.getString("intent"));
	}

	private static Instant instant(OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	private static OffsetDateTime utc(Instant instant) {
		return (instant != null) ? instant.atOffset(ZoneOffset.UTC) : null;
	}

}
