package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code ticket_listed}: the holder has listed the ticket for resale, so its code does
 * not admit.
 */
public class TicketListedException extends DomainException {

	public TicketListedException() {
		super("ticket_listed", "The ticket is listed for resale; its holder must withdraw the listing to use it.");
	}

}
