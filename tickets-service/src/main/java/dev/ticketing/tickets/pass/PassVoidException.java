package dev.ticketing.tickets.pass;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code pass_void}: the pass was superseded by a resale, or refunded.
 */
public class PassVoidException extends DomainException {

	public PassVoidException() {
		super("pass_void", "This pass is void: the ticket was resold or refunded.");
	}

}
