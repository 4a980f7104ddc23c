package dev.ticketing.tickets.ticket;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code version_conflict}: the client edited an older version of the ticket.
 */
public class VersionConflictException extends DomainException {

	public VersionConflictException(long current) {
		super("version_conflict", "The ticket has changed since you read it; it is now at version " + current + ".");
	}

}
