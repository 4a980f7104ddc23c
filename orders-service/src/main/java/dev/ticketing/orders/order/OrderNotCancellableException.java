package dev.ticketing.orders.order;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code order_not_cancellable}.
 */
public class OrderNotCancellableException extends ApiException {

	public OrderNotCancellableException() {
		super(HttpStatus.CONFLICT, "order_not_cancellable", "A complete order cannot be cancelled.");
	}

}
