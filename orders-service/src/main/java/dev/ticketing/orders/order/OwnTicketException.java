package dev.ticketing.orders.order;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 403 {@code own_ticket}.
 */
public class OwnTicketException extends ApiException {

	public OwnTicketException() {
		super(HttpStatus.FORBIDDEN, "own_ticket", "You cannot order your own ticket.");
	}

}
