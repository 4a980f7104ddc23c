package dev.ticketing.orders.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_not_cancellable}.
 */
public class OrderNotCancellableException extends DomainException {

	public OrderNotCancellableException() {
		super("order_not_cancellable", "A complete order cannot be cancelled.");
	}

}
