package dev.ticketing.tickets.reservation;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.ticketing.common.messaging.VersionedUpsert;

/**
 * The newest state of each order this service has heard of (table {@code order_states}).
 * An order event acts on the ticket only if it advances its order's version, so a late
 * {@code order.created} after the order's cancellation or completion does nothing.
 */
@Component
class OrderStates {

	private final JdbcClient jdbc;

	OrderStates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records the order's new state; {@code false} if a newer or equal one is known. */
	boolean advance(UUID orderId, UUID ticketId, String status, long version) {
		return VersionedUpsert.into("order_states")
			.set("id", orderId)
			.set("ticket_id", ticketId)
			.set("status", status)
			.set("version", version)
			.apply(this.jdbc);
	}

}
