package dev.ticketing.tickets.ticket;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code not_owner}: only the seller may change a listing.
 */
public class NotOwnerException extends DomainException {

	public NotOwnerException() {
		super("not_owner", "Only the seller can change this ticket.");
	}

}
