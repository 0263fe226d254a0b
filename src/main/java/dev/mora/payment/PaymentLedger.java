package dev.mora.payment;

import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The payments received, unique by (provider, payment id). */
@Repository
public class PaymentLedger {

	private final JdbcClient jdbc;

	PaymentLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PaymentRecord> paymentsOf(String debtId) {
		return this.jdbc.sql("""
				SELECT provider, payment_id, amount, currency, paid_at, status FROM payment
				WHERE debt_id = ? ORDER BY paid_at, payment_id
				""")
			.param(debtId)
			.query((rs, row) -> new PaymentRecord(rs.getString("provider"), rs.getString("payment_id"),
					rs.getBigDecimal("amount"), rs.getString("currency").strip(),
					rs.getObject("paid_at", OffsetDateTime.class).toInstant(), rs.getString("status")))
			.list();
	}

}
