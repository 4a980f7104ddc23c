package dev.ticketing.payments.payout;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Table {@code payouts}. At most one pending payout per seller and currency (a partial
 * unique index). Sending claims pending payouts with a lease ({@code next_attempt_at}
 * pushed ahead, {@code FOR UPDATE SKIP LOCKED}), so each is sent by one instance at a
 * time, and by another if that one stops mid-call.
 */
@Repository
class Payouts {

	private static final String COLUMNS = "id, seller_id, amount, currency, method, reference, transfer_group, status,"
			+ " attempts, created_at, paid_at, provider_reference";

	private final JdbcClient jdbc;

	Payouts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Payout payout) {
		this.jdbc
			.sql("INSERT INTO payouts (id, seller_id, amount, currency, method, reference, transfer_group, status,"
					+ " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?)")
			.params(payout.id(), payout.sellerId(), payout.amount(), payout.currency(), payout.method(),
					payout.reference(), payout.transferGroup(), Timestamp.from(payout.createdAt()),
					Timestamp.from(payout.createdAt()))
			.update();
	}

	/**
	 * Sellers and currencies whose payable may be paid out now: a payout account, at
	 * least {@code minimum} owed, no pending payout, and no failed one waiting for its
	 * retry.
	 */
	List<Candidate> candidates(long minimum, Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT e.owner AS seller_id, e.currency FROM ledger_entries e
				JOIN payout_accounts a ON a.user_id = e.owner
				WHERE e.account = 'seller_payable'
				GROUP BY e.owner, e.currency
				HAVING -sum(e.amount) >= ?
				AND NOT EXISTS (SELECT 1 FROM payouts p WHERE p.seller_id = e.owner AND p.currency = e.currency
				    AND (p.status = 'pending' OR (p.status = 'failed' AND p.retry_at > ?)))
				LIMIT ?""")
			.params(minimum, Timestamp.from(now), limit)
			.query((rs, row) -> new Candidate(rs.getObject("seller_id", UUID.class), rs.getString("currency")))
			.list();
	}

	boolean hasPending(UUID sellerId, String currency, Instant now) {
		return this.jdbc
			.sql("SELECT count(*) FROM payouts WHERE seller_id = ? AND currency = ?"
					+ " AND (status = 'pending' OR (status = 'failed' AND retry_at > ?))")
			.params(sellerId, currency, Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Claims due pending payouts for sending: each is left to this caller until
	 * {@code lease} has passed.
	 */
	List<Payout> claimDue(Instant now, Duration lease, int limit) {
		return this.jdbc
			.sql("UPDATE payouts SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN"
					+ " (SELECT id FROM payouts WHERE status = 'pending' AND next_attempt_at <= ?"
					+ " ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED) RETURNING " + COLUMNS)
			.params(Timestamp.from(now.plus(lease)), Timestamp.from(now), limit)
			.query(Payouts::payout)
			.list();
	}

	/**
	 * @return whether it was pending, and is paid now
	 */
	boolean markPaid(UUID id, String providerReference, Instant at) {
		return this.jdbc
			.sql("UPDATE payouts SET status = 'paid', paid_at = ?, provider_reference = ? WHERE id = ?"
					+ " AND status = 'pending'")
			.params(Timestamp.from(at), providerReference, id)
			.update() == 1;
	}

	/**
	 * @return whether it was pending, and is failed now
	 */
	boolean markFailed(UUID id, String failure, Instant at, Instant retryAt) {
		return this.jdbc
			.sql("UPDATE payouts SET status = 'failed', failed_at = ?, failure = ?, retry_at = ? WHERE id = ?"
					+ " AND status = 'pending'")
			.params(Timestamp.from(at), failure, Timestamp.from(retryAt), id)
			.update() == 1;
	}

	void retryAt(UUID id, Instant at) {
		this.jdbc.sql("UPDATE payouts SET next_attempt_at = ? WHERE id = ? AND status = 'pending'")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** How many payouts of the seller in the currency failed since the last paid one. */
	int failuresInARow(UUID sellerId, String currency) {
		return this.jdbc
			.sql("SELECT count(*) FROM payouts WHERE seller_id = ? AND currency = ? AND status = 'failed'"
					+ " AND created_at > coalesce((SELECT max(created_at) FROM payouts WHERE seller_id = ?"
					+ " AND currency = ? AND status = 'paid'), '-infinity')")
			.params(sellerId, currency, sellerId, currency)
			.query(Integer.class)
			.single();
	}

	Optional<Payout> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payouts WHERE id = ?")
			.param(id)
			.query(Payouts::payout)
			.optional();
	}

	PageResponse<Payout> findBySeller(UUID sellerId, PageQuery page) {
		long total = this.jdbc.sql("SELECT count(*) FROM payouts WHERE seller_id = ?")
			.param(sellerId)
			.query(Long.class)
			.single();
		List<Payout> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM payouts WHERE seller_id = ? ORDER BY created_at DESC, id DESC"
					+ " LIMIT ? OFFSET ?")
			.params(sellerId, page.size(), page.offset())
			.query(Payouts::payout)
			.list();
		return PageResponse.of(items, page, total);
	}

	/** The sum of a seller's paid payouts per currency. */
	List<Amount> paidOut(UUID sellerId) {
		return this.jdbc
			.sql("SELECT currency, sum(amount) FROM payouts WHERE seller_id = ? AND status = 'paid' GROUP BY currency")
			.param(sellerId)
			.query((rs, row) -> new Amount(rs.getString(1), rs.getLong(2)))
			.list();
	}

	private static Payout payout(ResultSet rs, int row) throws SQLException {
		return new Payout(rs.getObject("id", UUID.class), rs.getObject("seller_id", UUID.class), rs.getLong("amount"),
				rs.getString("currency"), rs.getString("method"), rs.getString("reference"),
				rs.getString("transfer_group"), rs.getString("status"), rs.getInt("attempts"),
				rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("paid_at")),
				rs.getString("provider_reference"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** A seller and currency to pay out. */
	record Candidate(UUID sellerId, String currency) {

	}

	/** Minor units of a currency. */
	record Amount(String currency, long amount) {

	}

}
