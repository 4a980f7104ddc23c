package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 404 {@code order_not_found}: unknown, or not the caller's.
 */
public class OrderNotFoundException extends ApiException {

	public OrderNotFoundException() {
		super(HttpStatus.NOT_FOUND, "order_not_found", "There is no such order.");
	}

}
