package dev.ticketing.orders.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code own_ticket}.
 */
public class OwnTicketException extends DomainException {

	public OwnTicketException() {
		super("own_ticket", "You cannot order your own ticket.");
	}

}
