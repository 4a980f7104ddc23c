package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 409 {@code order_expired}: past {@code expiresAt}, even if orders-service has not
 * cancelled it yet.
 */
public class OrderExpiredException extends ApiException {

	public OrderExpiredException() {
		super(HttpStatus.CONFLICT, "order_expired", "The order's hold has run out; it can no longer be paid.");
	}

}
