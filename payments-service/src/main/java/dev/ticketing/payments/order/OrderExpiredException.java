package dev.ticketing.payments.order;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code order_expired}: past {@code expiresAt}, even if orders-service has not cancelled
 * it yet.
 */
public class OrderExpiredException extends DomainException {

	public OrderExpiredException() {
		super("order_expired", "The order's hold has run out; it can no longer be paid.");
	}

}
