package dev.ticketing.orders.replica;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.messaging.VersionedUpsert;

/**
 * The ticket replica (table {@code ticket_replicas}): an event is applied only if its
 * version is newer than the one held, so duplicates and reordering never corrupt it.
 */
@Repository
public class TicketReplicas {

	private final JdbcClient jdbc;

	TicketReplicas(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<TicketReplica> find(UUID id) {
		return this.jdbc.sql("""
				SELECT id, version, title, price, currency, seller_id, event_at, status, order_id
				FROM ticket_replicas WHERE id = ?""").param(id).query((rs, row) -> {
			Timestamp eventAt = rs.getTimestamp("event_at");
			return new TicketReplica(rs.getObject("id", UUID.class), rs.getLong("version"), rs.getString("title"),
					rs.getLong("price"), rs.getString("currency"), rs.getObject("seller_id", UUID.class),
					(eventAt != null) ? eventAt.toInstant() : null, rs.getString("status"),
					rs.getObject("order_id", UUID.class));
		}).optional();
	}

	/**
	 * Applies a ticket's full state; {@code false} if a newer or equal version is held.
	 */
	boolean apply(TicketReplica ticket) {
		return VersionedUpsert.into("ticket_replicas")
			.set("id", ticket.id())
			.set("version", ticket.version())
			.set("title", ticket.title())
			.set("price", ticket.price())
			.set("currency", ticket.currency())
			.set("seller_id", ticket.sellerId())
			.set("event_at", (ticket.eventAt() != null) ? Timestamp.from(ticket.eventAt()) : null)
			.set("status", ticket.status())
			.set("order_id", ticket.orderId())
			.apply(this.jdbc);
	}

}
