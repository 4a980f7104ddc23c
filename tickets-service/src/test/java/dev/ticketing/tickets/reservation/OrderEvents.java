package dev.ticketing.tickets.reservation;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;

/**
 * {@code orders.v1.>} events as orders-service publishes them.
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	public static Event<OrderCreated> created(UUID order, String ticketId) {
		return Event.of(new OrderCreated(order, 1, UUID.randomUUID(), "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.fromString(ticketId), 12_500, "EUR", null, null)), Instant.now());
	}

	public static Event<OrderCancelled> cancelled(UUID order, String ticketId, long version) {
		return Event.of(
				new OrderCancelled(order, version, UUID.randomUUID(), new TicketRef(UUID.fromString(ticketId)), "user"),
				Instant.now());
	}

	public static Event<OrderCompleted> completed(UUID order, String ticketId, long version) {
		return Event.of(new OrderCompleted(order, version, UUID.randomUUID(), new TicketRef(UUID.fromString(ticketId)),
				UUID.randomUUID()), Instant.now());
	}

}
