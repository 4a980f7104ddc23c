package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code already_listed}: the pass is already listed for resale.
 */
public class AlreadyListedException extends DomainException {

	public AlreadyListedException() {
		super("already_listed", "You have already listed this ticket for resale.");
	}

}
