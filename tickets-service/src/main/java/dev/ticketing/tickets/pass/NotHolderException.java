package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code not_holder}: the caller holds no pass for the ticket.
 */
public class NotHolderException extends DomainException {

	public NotHolderException() {
		super("not_holder", "You hold no pass for this ticket.");
	}

}
