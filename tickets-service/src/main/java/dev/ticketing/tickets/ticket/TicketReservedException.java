package dev.ticketing.tickets.ticket;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code ticket_reserved}: the ticket is reserved, sold or withdrawn and cannot be
 * changed.
 */
public class TicketReservedException extends DomainException {

	public TicketReservedException(TicketStatus status) {
		super("ticket_reserved", "The ticket is " + status.value() + " and cannot be changed.");
	}

}
