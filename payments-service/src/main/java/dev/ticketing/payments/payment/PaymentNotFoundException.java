package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 404 {@code payment_not_found}: unknown, or not the caller's.
 */
public class PaymentNotFoundException extends ApiException {

	public PaymentNotFoundException() {
		super(HttpStatus.NOT_FOUND, "payment_not_found", "There is no such payment.");
	}

}
