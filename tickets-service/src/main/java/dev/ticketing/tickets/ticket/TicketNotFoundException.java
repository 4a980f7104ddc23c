package dev.ticketing.tickets.ticket;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code ticket_not_found}: no such ticket (or a malformed id).
 */
public class TicketNotFoundException extends DomainException {

	public TicketNotFoundException() {
		super("ticket_not_found", "There is no such ticket.");
	}

}
