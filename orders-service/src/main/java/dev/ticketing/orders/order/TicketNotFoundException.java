package dev.ticketing.orders.order;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 404 {@code ticket_not_found}.
 */
public class TicketNotFoundException extends ApiException {

	public TicketNotFoundException() {
		super(HttpStatus.NOT_FOUND, "ticket_not_found", "There is no such ticket.");
	}

}
