package dev.mora.debt;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DebtRepository {

	private static final String SELECT = """
			SELECT d.debt_id, d.amount, d.balance, d.credit, d.currency, d.due_date, d.segment, d.timezone, d.language,
			       d.status, d.stage, d.promised_until, d.created_at, r.debtor_id, r.name, r.phone
			FROM debt d JOIN debtor r ON r.debtor_id = d.debtor_id
			""";

	private final JdbcClient jdbc;

	DebtRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Debt> find(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE d.debt_id = ?").param(debtId).query(DebtRepository::map).optional();
	}

	/** The debt, locked for update until the transaction ends. */
	Optional<Debt> findForUpdate(String debtId) {
		return this.jdbc.sql(SELECT + " WHERE d.debt_id = ? FOR UPDATE").param(debtId).query(DebtRepository::map)
			.optional();
	}

	Optional<Debtor> findDebtor(String debtorId) {
		return this.jdbc.sql("SELECT debtor_id, name, phone FROM debtor WHERE debtor_id = ?")
			.param(debtorId)
			.query((rs, row) -> new Debtor(rs.getString("debtor_id"), rs.getString("name"), rs.getString("phone")))
			.optional();
	}

	List<Debt> findByPhone(String phone) {
		return this.jdbc.sql(SELECT + " WHERE r.phone = ? ORDER BY d.due_date, d.debt_id").param(phone)
			.query(DebtRepository::map).list();
	}

	List<Debt> findByDebtor(String debtorId) {
		return this.jdbc.sql(SELECT + " WHERE d.debtor_id = ? ORDER BY d.due_date, d.debt_id").param(debtorId)
			.query(DebtRepository::map).list();
	}

	void saveDebtor(Debtor debtor, Instant now) {
		int updated = this.jdbc.sql("UPDATE debtor SET name = ?, phone = ?, updated_at = ? WHERE debtor_id = ?")
			.params(debtor.name(), debtor.phone(), timestamp(now), debtor.id())
			.update();
		if (updated == 0) {
			this.jdbc.sql("INSERT INTO debtor (debtor_id, name, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?)")
				.params(debtor.id(), debtor.name(), debtor.phone(), timestamp(now), timestamp(now))
				.update();
		}
	}

	/** Inserts the debt; a taken id fails with {@code DuplicateKeyException}. */
	void insert(NewDebt debt, Instant now) {
		this.jdbc.sql("""
				INSERT INTO debt (debt_id, debtor_id, amount, balance, currency, due_date, segment, timezone, language,
				                  status, stage, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?)
				""")
			.params(debt.debtId(), debt.debtor().id(), debt.amount(), debt.amount(), debt.currency(), debt.dueDate(),
					debt.segment(), debt.timezone().getId(), debt.language(), DebtStatus.ACTIVE.name(), timestamp(now),
					timestamp(now))
			.update();
	}

	void updateStatus(String debtId, DebtStatus status, Instant now) {
		this.jdbc.sql("UPDATE debt SET status = ?, updated_at = ? WHERE debt_id = ?")
			.params(status.name(), timestamp(now), debtId)
			.update();
	}

	void updatePromise(String debtId, LocalDate promisedUntil, Instant now) {
		this.jdbc.sql("UPDATE debt SET promised_until = ?, updated_at = ? WHERE debt_id = ?")
			.params(promisedUntil, timestamp(now), debtId)
			.update();
	}

	void updateStage(String debtId, String stage, Instant now) {
		this.jdbc.sql("UPDATE debt SET stage = ?, updated_at = ? WHERE debt_id = ?")
			.params(stage, timestamp(now), debtId)
			.update();
	}

	void updateBalance(String debtId, BigDecimal balance, BigDecimal credit, DebtStatus status, Instant now) {
		this.jdbc.sql("UPDATE debt SET balance = ?, credit = ?, status = ?, updated_at = ? WHERE debt_id = ?")
			.params(balance, credit, status.name(), timestamp(now), debtId)
			.update();
	}

	private static Debt map(ResultSet rs, int row) throws SQLException {
		return new Debt(rs.getString("debt_id"),
				new Debtor(rs.getString("debtor_id"), rs.getString("name"), rs.getString("phone")),
				rs.getBigDecimal("amount"), rs.getBigDecimal("balance"), rs.getBigDecimal("credit"),
				rs.getString("currency").strip(),
				rs.getDate("due_date").toLocalDate(), rs.getString("segment"), ZoneId.of(rs.getString("timezone")),
				rs.getString("language"), DebtStatus.valueOf(rs.getString("status")), rs.getString("stage"),
				rs.getObject("promised_until", LocalDate.class), rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static OffsetDateTime timestamp(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
