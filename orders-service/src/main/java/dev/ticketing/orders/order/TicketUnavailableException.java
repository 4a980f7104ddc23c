package dev.ticketing.orders.order;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code ticket_unavailable}.
 */
public class TicketUnavailableException extends ApiException {

	public TicketUnavailableException() {
		super(HttpStatus.CONFLICT, "ticket_unavailable", "The ticket is reserved, sold or withdrawn.");
	}

}
