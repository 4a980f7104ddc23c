package dev.ticketing.payments.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_not_found}: unknown, or not the caller's.
 */
public class OrderNotFoundException extends DomainException {

	public OrderNotFoundException() {
		super("order_not_found", "There is no such order.");
	}

}
