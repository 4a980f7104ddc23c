package dev.ticketing.payments.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
			String currency, Instant expiresAt) {
		return VersionedUpsert.into("order_replicas")
			.set("id", id)
			.set("version", version)
			.set("user_id", userId)
			.set("ticket_id", ticketId)
			.set("status", status)
			.set("amount", amount)
			.set("currency", currency)
			.set("expires_at", Timestamp.from(expiresAt))
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

	private static OrderReplica replica(ResultSet rs, int row) throws SQLException {
		Long amount = rs.getObject("amount", Long.class);
		Timestamp expiresAt = rs.getTimestamp("expires_at");
		return new OrderReplica(rs.getObject("id", UUID.class), rs.getLong("version"),
				rs.getObject("user_id", UUID.class), rs.getString("status"), amount, rs.getString("currency"),
				(expiresAt != null) ? expiresAt.toInstant() : null);
	}

}
