package dev.ticketing.payments.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_cancelled}.
 */
public class OrderCancelledException extends DomainException {

	public OrderCancelledException() {
		super("order_cancelled", "The order was cancelled; it can no longer be paid.");
	}

}
