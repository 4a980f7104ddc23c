package dev.ticketing.orders.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_not_found}.
 */
public class OrderNotFoundException extends DomainException {

	public OrderNotFoundException() {
		super("order_not_found", "There is no such order.");
	}

}
