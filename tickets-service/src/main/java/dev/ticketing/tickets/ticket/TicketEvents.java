package dev.ticketing.tickets.ticket;

import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;

/**
 * The full-state payloads of {@code tickets.v1.>} (DESIGN §3).
 */
public final class TicketEvents {

	private TicketEvents() {
	}

	public static TicketCreated created(Ticket ticket) {
		return new TicketCreated(ticket.id(), ticket.version(), ticket.listing().title(), ticket.listing().price(),
				ticket.listing().price(), ticket.listing().currency(), ticket.sellerId(), ticket.listing().eventAt(),
				null, ticket.status().value(), ticket.orderId());
	}

	public static TicketUpdated updated(Ticket ticket) {
		return new TicketUpdated(ticket.id(), ticket.version(), ticket.listing().title(), ticket.listing().price(),
				ticket.listing().price(), ticket.listing().currency(), ticket.sellerId(), ticket.listing().eventAt(),
				null, ticket.status().value(), ticket.orderId());
	}

}
