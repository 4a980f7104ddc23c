package dev.ticketing.payments.escrow;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Table {@code escrows}. The release job claims due rows with {@code FOR UPDATE SKIP
 * LOCKED}, so several instances share them; a refund locks its order's row, so it and the
 * release run one after the other and each sees what the other did.
 */
@Repository
public class Escrows {

	private static final String COLUMNS = "order_id, payment_id, seller_id, amount, currency, release_at, released_at,"
			+ " fee, refunded_at, payout_id";

	private final JdbcClient jdbc;

	Escrows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new escrow; the order's second one is ignored. */
	boolean insert(Escrow escrow, Instant now) {
		return this.jdbc
			.sql("INSERT INTO escrows (" + COLUMNS + ", created_at) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, ?)"
					+ " ON CONFLICT (order_id) DO NOTHING")
			.params(escrow.orderId(), escrow.paymentId(), escrow.sellerId(), escrow.amount(), escrow.currency(),
					Timestamp.from(escrow.releaseAt()),
					(escrow.refundedAt() != null) ? Timestamp.from(escrow.refundedAt()) : null, Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Due escrows, locked until the transaction ends; those another one holds are
	 * skipped.
	 */
	List<Escrow> claimDue(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM escrows WHERE released_at IS NULL AND refunded_at IS NULL"
					+ " AND release_at <= ? ORDER BY release_at LIMIT ? FOR UPDATE SKIP LOCKED")
			.params(Timestamp.from(now), limit)
			.query(Escrows::escrow)
			.list();
	}

	Optional<Escrow> findForUpdate(UUID orderId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM escrows WHERE order_id = ? FOR UPDATE")
			.param(orderId)
			.query(Escrows::escrow)
			.optional();
	}

	void markReleased(UUID orderId, long fee, Instant at) {
		this.jdbc.sql("UPDATE escrows SET released_at = ?, fee = ? WHERE order_id = ?")
			.params(Timestamp.from(at), fee, orderId)
			.update();
	}

	void markRefunded(UUID orderId, Instant at) {
		this.jdbc.sql("UPDATE escrows SET refunded_at = ? WHERE order_id = ?")
			.params(Timestamp.from(at), orderId)
			.update();
	}

	/**
	 * Marks a seller's released, unpaid orders in a currency as paid by a payout.
	 * @return the orders
	 */
	public List<UUID> assignToPayout(UUID sellerId, String currency, UUID payoutId) {
		return this.jdbc
			.sql("UPDATE escrows SET payout_id = ? WHERE seller_id = ? AND currency = ?"
					+ " AND released_at IS NOT NULL AND refunded_at IS NULL AND payout_id IS NULL RETURNING order_id")
			.params(payoutId, sellerId, currency)
			.query(UUID.class)
			.list();
	}

	/** A failed payout's orders are paid by the next one. */
	public void unassignPayout(UUID payoutId) {
		this.jdbc.sql("UPDATE escrows SET payout_id = NULL WHERE payout_id = ?").param(payoutId).update();
	}

	/** When the seller's next held escrow is due, if there is one. */
	public Optional<Instant> nextReleaseOf(UUID sellerId) {
		return this.jdbc
			.sql("SELECT release_at FROM escrows WHERE seller_id = ? AND released_at IS NULL"
					+ " AND refunded_at IS NULL ORDER BY release_at LIMIT 1")
			.param(sellerId)
			.query((rs, row) -> rs.getTimestamp(1).toInstant())
			.optional();
	}

	private static Escrow escrow(ResultSet rs, int row) throws SQLException {
		Timestamp releasedAt = rs.getTimestamp("released_at");
		Timestamp refundedAt = rs.getTimestamp("refunded_at");
		return new Escrow(rs.getObject("order_id", UUID.class), rs.getObject("payment_id", UUID.class),
				rs.getObject("seller_id", UUID.class), rs.getLong("amount"), rs.getString("currency"),
				rs.getTimestamp("release_at").toInstant(), (releasedAt != null) ? releasedAt.toInstant() : null,
				rs.getObject("fee", Long.class), (refundedAt != null) ? refundedAt.toInstant() : null,
				rs.getObject("payout_id", UUID.class));
	}

}
