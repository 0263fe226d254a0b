package dev.mora.whatsapp;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stops all sending after an account-level error (policy block 368, locked account 131031, billing 131042, invalid
 * token 190): sending more would only dig deeper. The stop is a row in the database, so every node sharing it stops,
 * also after a restart. Shown on {@code /actuator/health} as {@code whatsApp: DOWN}; an operator resumes it with
 * {@code POST /api/whatsapp/resume} once the account is fixed.
 */
@Component("whatsApp")
public class SendingSwitch implements HealthIndicator {

	private static final String CHANNEL = "WHATSAPP";

	private static final Logger logger = LoggerFactory.getLogger(SendingSwitch.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final Clock clock;

	SendingSwitch(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		// The stop must outlive the failing send's transaction, which rolls back.
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void stop(WhatsAppException error) {
		String reason = (error.getMessage().length() > 500) ? error.getMessage().substring(0, 500) : error.getMessage();
		try {
			this.ownTransaction.executeWithoutResult((status) -> this.jdbc
				.sql("INSERT INTO sending_stop (channel, error_code, reason, stopped_at) VALUES (?, ?, ?, ?)")
				.params(CHANNEL, error.code(), reason, this.clock.instant().atOffset(ZoneOffset.UTC))
				.update());
			logger.error("All WhatsApp sending stopped: {}", error.getMessage());
		}
		catch (DuplicateKeyException ex) {
			// Stopped already, by this node or another.
		}
	}

	/** @throws WhatsAppException while sending is stopped */
	void checkOpen() {
		Optional<Stop> current = current();
		if (current.isPresent()) {
			throw new WhatsAppException(current.get().code(), "sending is stopped since " + current.get().at().toInstant() + ": "
					+ current.get().reason(), WhatsAppErrorKind.ACCOUNT, null);
		}
	}

	public boolean resume() {
		Optional<Stop> previous = current();
		int removed = this.ownTransaction.execute((status) -> this.jdbc
			.sql("DELETE FROM sending_stop WHERE channel = ?")
			.param(CHANNEL)
			.update());
		previous.filter((stop) -> removed > 0)
			.ifPresent((stop) -> logger.warn("WhatsApp sending resumed (stopped since {}: {})", stop.at(), stop.reason()));
		return removed > 0;
	}

	@Override
	public Health health() {
		return current().map((stop) -> Health.down()
			.withDetail("code", stop.code())
			.withDetail("reason", stop.reason())
			.withDetail("since", stop.at().toInstant().toString())
			.build()).orElseGet(() -> Health.up().build());
	}

	private Optional<Stop> current() {
		return this.jdbc.sql("SELECT error_code, reason, stopped_at FROM sending_stop WHERE channel = ?")
			.param(CHANNEL)
			.query((rs, row) -> new Stop(rs.getInt("error_code"), rs.getString("reason"),
					rs.getObject("stopped_at", OffsetDateTime.class)))
			.optional();
	}

	private record Stop(int code, String reason, OffsetDateTime at) {
	}

}
