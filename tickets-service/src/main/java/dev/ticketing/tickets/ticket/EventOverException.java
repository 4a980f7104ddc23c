package dev.ticketing.tickets.ticket;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code event_over}: the event has taken place, so its ticket cannot be resold.
 */
public class EventOverException extends DomainException {

	public EventOverException() {
		super("event_over", "The event has already taken place; its ticket cannot be resold.");
	}

}
