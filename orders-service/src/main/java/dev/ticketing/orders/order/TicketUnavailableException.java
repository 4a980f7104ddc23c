package dev.ticketing.orders.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code ticket_unavailable}.
 */
public class TicketUnavailableException extends DomainException {

	public TicketUnavailableException() {
		super("ticket_unavailable", "The ticket is reserved, sold or withdrawn.");
	}

}
