package dev.ticketing.tickets.ticket;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code version_conflict}: the client edited an older version of the ticket.
 */
public class VersionConflictException extends ApiException {

	public VersionConflictException(long current) {
		super(HttpStatus.CONFLICT, "version_conflict",
				"The ticket has changed since you read it; it is now at version " + current + ".");
	}

}
