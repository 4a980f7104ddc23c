package dev.ticketing.payments.stripe;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code malformed_request}: a correctly signed webhook whose payload is not a Stripe
 * event (something only the holder of the endpoint's secret could send).
 */
class UnreadableStripeEventException extends DomainException {

	UnreadableStripeEventException() {
		super("malformed_request", "The payload is not a Stripe event.");
	}

}
