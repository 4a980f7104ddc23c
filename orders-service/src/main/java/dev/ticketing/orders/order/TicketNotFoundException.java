package dev.ticketing.orders.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code ticket_not_found}.
 */
public class TicketNotFoundException extends DomainException {

	public TicketNotFoundException() {
		super("ticket_not_found", "There is no such ticket.");
	}

}
