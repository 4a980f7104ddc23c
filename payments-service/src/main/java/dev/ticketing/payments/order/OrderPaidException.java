package dev.ticketing.payments.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_paid}.
 */
public class OrderPaidException extends DomainException {

	public OrderPaidException() {
		super("order_paid", "The order is already paid.");
	}

}
