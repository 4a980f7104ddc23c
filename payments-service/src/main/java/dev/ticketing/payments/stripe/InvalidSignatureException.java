package dev.ticketing.payments.stripe;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 400 {@code invalid_signature}: a webhook whose {@code Stripe-Signature} is missing,
 * does not verify with the endpoint's secret, or is older than the tolerance (a replay).
 * It changes nothing.
 */
class InvalidSignatureException extends ApiException {

	InvalidSignatureException() {
		super(HttpStatus.BAD_REQUEST, "invalid_signature",
				"The Stripe-Signature header is missing, does not match the payload, or is too old.");
	}

}
