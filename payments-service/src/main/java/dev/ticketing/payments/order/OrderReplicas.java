package dev.ticketing.payments.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.messaging.VersionedUpsert;

/**
 * The order replica (table {@code order_replicas}): an event is applied only if its
 * version is newer than the one held, so duplicates and reordering never corrupt it. A
 * charge locks its order's row for its whole transaction, so an {@code order.cancelled}
 * arriving meanwhile is applied after the payment is recorded, and then refunds it.
 */
@Repository
public class OrderReplicas {

	private static final String COLUMNS = "id, version, user_id, status, amount, currency, expires_at";

	private final JdbcClient jdbc;

	OrderReplicas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Finds an order and locks it until the transaction ends. */
	public Optional<OrderReplica> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM order_replicas WHERE id = ? FOR UPDATE")
			.param(id)
			.query(OrderReplicas::replica)
			.optional();
	}

	/** Applies {@code order.created}: the full state. */
	public boolean applyCreated(UUID id, long version, UUID userId, UUID ticketId, String status, long amount,
			String currency, Instant expiresAt, @Nullable UUID sellerId, @Nullable Instant eventAt) {
		return VersionedUpsert.into("order_replicas")
			.set("id", id)
			.set("version", version)
			.set("user_id", userId)
			.set("ticket_id", ticketId)
			.set("status", status)
			.set("amount", amount)
			.set("currency", currency)
			.set("expires_at", Timestamp.from(expiresAt))
			.set("seller_id", sellerId)
			.set("event_at", (eventAt != null) ? Timestamp.from(eventAt) : null)
			.set("updated_at", Timestamp.from(Instant.now()))
			.apply(this.jdbc);
	}

	/**
	 * Applies a later event ({@code order.cancelled}, {@code order.completed}), which
	 * carries no price or hold: those columns keep what {@code order.created} gave them.
	 */
	public boolean applyStatus(UUID id, long version, UUID userId, UUID ticketId, String status) {
		return VersionedUpsert.into("order_replicas")
			.set("id", id)
			.set("version", version)
			.set("user_id", userId)
			.set("ticket_id", ticketId)
			.set("status", status)
			.set("updated_at", Timestamp.from(Instant.now()))
			.apply(this.jdbc);
	}

	/**
	 * Fills in what {@code order.created} tells of an order where it is still unknown,
	 * whatever the versions: an order's price, seller and event time never change, so an
	 * {@code order.created} that arrives after a later event still gives them.
	 */
	public void fillFacts(UUID id, long amount, String currency, Instant expiresAt, @Nullable UUID sellerId,
			@Nullable Instant eventAt) {
		this.jdbc
			.sql("UPDATE order_replicas SET amount = coalesce(amount, ?), currency = coalesce(currency, ?),"
					+ " expires_at = coalesce(expires_at, ?), seller_id = coalesce(seller_id, ?),"
					+ " event_at = coalesce(event_at, ?) WHERE id = ?")
			.params(amount, currency, Timestamp.from(expiresAt), sellerId,
					(eventAt != null) ? Timestamp.from(eventAt) : null, id)
			.update();
	}

	/** Records when an order completed (the first time it is told). */
	public void markCompletedAt(UUID id, Instant at) {
		this.jdbc.sql("UPDATE order_replicas SET completed_at = coalesce(completed_at, ?) WHERE id = ?")
			.params(Timestamp.from(at), id)
			.update();
	}

	/** What an order's sale is, once it is complete and its seller is known. */
	public Optional<Sale> completedSale(UUID id) {
		return this.jdbc
			.sql("SELECT seller_id, event_at, completed_at FROM order_replicas WHERE id = ? AND status = 'complete'"
					+ " AND seller_id IS NOT NULL AND completed_at IS NOT NULL")
			.param(id)
			.query((rs, row) -> {
				Timestamp eventAt = rs.getTimestamp("event_at");
				return new Sale(rs.getObject("seller_id", UUID.class), (eventAt != null) ? eventAt.toInstant() : null,
						rs.getTimestamp("completed_at").toInstant());
			})
			.optional();
	}

	/**
	 * A completed order as escrow sees it.
	 *
	 * @param sellerId who sold the ticket
	 * @param eventAt when the event is, {@code null} if not given
	 * @param completedAt when the order completed
	 */
	public record Sale(UUID sellerId, @Nullable Instant eventAt, Instant completedAt) {

	}

	private static OrderReplica replica(ResultSet rs, int row) throws SQLException {
		Long amount = rs.getObject("amount", Long.class);
		Timestamp expiresAt = rs.getTimestamp("expires_at");
		return new OrderReplica(rs.getObject("id", UUID.class), rs.getLong("version"),
				rs.getObject("user_id", UUID.class), rs.getString("status"), amount, rs.getString("currency"),
				(expiresAt != null) ? expiresAt.toInstant() : null);
	}

}
