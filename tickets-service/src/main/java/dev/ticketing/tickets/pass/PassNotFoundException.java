package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code pass_not_found}: there is no such pass, or it is someone else's.
 */
public class PassNotFoundException extends DomainException {

	public PassNotFoundException() {
		super("pass_not_found", "You hold no pass for this ticket.");
	}

}
