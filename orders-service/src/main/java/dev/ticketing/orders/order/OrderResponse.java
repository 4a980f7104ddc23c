package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order as the API shows it (DESIGN §2).
 */
public record OrderResponse(UUID id, String status, UUID userId, Instant expiresAt, Ticket ticket, long version,
		Instant createdAt, @Nullable String cancelReason) {

	/**
	 * The ticket of an order.
	 */
	public record Ticket(UUID id, String title, long price, String currency) {

	}

	static OrderResponse of(Order order) {
		OrderedTicket ticket = order.ticket();
		return new OrderResponse(order.id(), order.status().value(), order.userId(), order.expiresAt(),
				new Ticket(ticket.id(), ticket.title(), ticket.price(), ticket.currency()), order.version(),
				order.createdAt(), (order.cancelReason() != null) ? order.cancelReason().value() : null);
	}

}
