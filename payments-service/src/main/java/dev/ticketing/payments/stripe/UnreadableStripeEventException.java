package dev.ticketing.payments.stripe;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 400 {@code malformed_request}: a correctly signed webhook whose payload is not a Stripe
 * event (something only the holder of the endpoint's secret could send).
 */
class UnreadableStripeEventException extends ApiException {

	UnreadableStripeEventException() {
		super(HttpStatus.BAD_REQUEST, "malformed_request", "The payload is not a Stripe event.");
	}

}
