package dev.ticketing.payments.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code payout_accounts}: one per seller. */
@Repository
class PayoutAccounts {

	private final JdbcClient jdbc;

	PayoutAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void save(PayoutAccount account) {
		this.jdbc
			.sql("INSERT INTO payout_accounts (user_id, method, reference, updated_at) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT (user_id) DO UPDATE SET method = excluded.method, reference = excluded.reference,"
					+ " updated_at = excluded.updated_at")
			.params(account.userId(), account.method(), account.reference(), Timestamp.from(account.updatedAt()))
			.update();
	}

	Optional<PayoutAccount> find(UUID userId) {
		return this.jdbc.sql("SELECT user_id, method, reference, updated_at FROM payout_accounts WHERE user_id = ?")
			.param(userId)
			.query(PayoutAccounts::account)
			.optional();
	}

	private static PayoutAccount account(ResultSet rs, int row) throws SQLException {
		return new PayoutAccount(rs.getObject("user_id", UUID.class), rs.getString("method"), rs.getString("reference"),
				rs.getTimestamp("updated_at").toInstant());
	}

}
