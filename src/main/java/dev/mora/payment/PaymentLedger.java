package dev.mora.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments received, unique by (provider, payment id): a duplicate is recorded once. */
@Repository
public class PaymentLedger {

	private static final String SELECT = """
			SELECT provider, payment_id, debt_id, amount, currency, paid_at, status, detail, received_at, correlated_at
			FROM payment
			""";

	private final JdbcClient jdbc;

	PaymentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PaymentRecord> paymentsOf(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE debt_id = ? ORDER BY paid_at, payment_id")
			.param(debtId)
			.query(PaymentLedger::map)
			.list();
	}

	Optional<PaymentRecord> find(String provider, String paymentId) {
		return this.jdbc.sql(SELECT + " WHERE provider = ? AND payment_id = ?")
			.params(provider, paymentId)
			.query(PaymentLedger::map)
			.optional();
	}

	List<PaymentRecord> pendingFor(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE debt_id = ? AND status = 'PENDING' ORDER BY paid_at, payment_id")
			.param(debtId)
			.query(PaymentLedger::map)
			.list();
	}

	/** Payments kept for a debt not known when they came, whose debt is registered by now. */
	List<PaymentRecord> pendingOfRegisteredDebts(Instant receivedBefore) {
		return this.jdbc.sql(SELECT + """
				 WHERE status = 'PENDING' AND received_at < ? AND EXISTS (SELECT 1 FROM debt WHERE debt.debt_id = payment.debt_id)
				 ORDER BY paid_at, payment_id
				""")
			.param(utc(receivedBefore))
			.query(PaymentLedger::map)
			.list();
	}

	public List<PaymentRecord> uncorrelated(Instant receivedBefore) {
		return this.jdbc.sql(SELECT + " WHERE status = 'APPLIED' AND correlated_at IS NULL AND received_at < ?")
			.param(utc(receivedBefore))
			.query(PaymentLedger::map)
			.list();
	}

	/** Inserts the payment; one received before fails with {@code DuplicateKeyException}. */
	void insert(IncomingPayment payment, PaymentStatus status, String detail, Instant now) {
		this.jdbc.sql("""
				INSERT INTO payment (provider, payment_id, debt_id, amount, currency, paid_at, status, detail, received_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(payment.provider(), payment.paymentId(), payment.debtId(), payment.amount(), payment.currency(),
					utc(payment.paidAt()), status.name(), detail, utc(now))
			.update();
	}

	void update(String provider, String paymentId, PaymentStatus status, String detail) {
		this.jdbc.sql("UPDATE payment SET status = ?, detail = ? WHERE provider = ? AND payment_id = ?")
			.params(status.name(), detail, provider, paymentId)
			.update();
	}

	void correlated(String provider, String paymentId, Instant now) {
		this.jdbc.sql("UPDATE payment SET correlated_at = ? WHERE provider = ? AND payment_id = ?")
			.params(utc(now), provider, paymentId)
			.update();
	}

	private static PaymentRecord map(ResultSet rs, int row) throws SQLException {
		OffsetDateTime correlated = rs.getObject("correlated_at", OffsetDateTime.class);
		return new PaymentRecord(rs.getString("provider"), rs.getString("payment_id"), rs.getString("debt_id"),
				rs.getBigDecimal("amount"), rs.getString("currency").strip(),
				rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getString("status"), rs.getString("detail"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant(),
				(correlated != null) ? correlated.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
