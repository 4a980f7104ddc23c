package dev.ticketing.tickets.ticket;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code ticket_reserved}: the ticket is reserved, sold or withdrawn and cannot be
 * changed.
 */
public class TicketReservedException extends ApiException {

	public TicketReservedException(TicketStatus status) {
		super(HttpStatus.CONFLICT, "ticket_reserved", "The ticket is " + status.value() + " and cannot be changed.");
	}

}
