package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code order_cancelled}.
 */
public class OrderCancelledException extends ApiException {

	public OrderCancelledException() {
		super(HttpStatus.CONFLICT, "order_cancelled", "The order was cancelled; it can no longer be paid.");
	}

}
