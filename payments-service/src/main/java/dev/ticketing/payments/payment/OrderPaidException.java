package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code order_paid}.
 */
public class OrderPaidException extends ApiException {

	public OrderPaidException() {
		super(HttpStatus.CONFLICT, "order_paid", "The order is already paid.");
	}

}
