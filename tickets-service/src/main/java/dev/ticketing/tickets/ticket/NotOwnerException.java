package dev.ticketing.tickets.ticket;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 403 {@code not_owner}: only the seller may change a listing.
 */
public class NotOwnerException extends ApiException {

	public NotOwnerException() {
		super(HttpStatus.FORBIDDEN, "not_owner", "Only the seller can change this ticket.");
	}

}
