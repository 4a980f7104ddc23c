package dev.ticketing.orders.order;

import java.util.Objects;

import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;

/**
 * The payloads of {@code orders.v1.>} (DESIGN §3).
 */
public final class OrderEvents {

	private OrderEvents() {
	}

	public static OrderCreated created(Order order) {
		OrderedTicket ticket = order.ticket();
		return new OrderCreated(order.id(), order.version(), order.userId(), order.status().value(), order.expiresAt(),
				new OrderCreated.Ticket(ticket.id(), ticket.price(), ticket.currency(), ticket.sellerId(),
						ticket.eventAt()));
	}

	public static OrderCancelled cancelled(Order order) {
		return new OrderCancelled(order.id(), order.version(), order.userId(), new TicketRef(order.ticket().id()),
				Objects.requireNonNull(order.cancelReason(), "a cancelled order has a reason").value());
	}

	public static OrderCompleted completed(Order order) {
		return new OrderCompleted(order.id(), order.version(), order.userId(), new TicketRef(order.ticket().id()),
				Objects.requireNonNull(order.paymentId(), "a complete order has a payment"));
	}

}
