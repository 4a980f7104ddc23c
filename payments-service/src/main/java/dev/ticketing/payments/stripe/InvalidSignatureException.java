package dev.ticketing.payments.stripe;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code invalid_signature}: a webhook whose {@code Stripe-Signature} is missing, does
 * not verify with the endpoint's secret, or is older than the tolerance (a replay). It
 * changes nothing.
 */
class InvalidSignatureException extends DomainException {

	InvalidSignatureException() {
		super("invalid_signature",
				"The Stripe-Signature header is missing, does not match the payload, or is too old.");
	}

}
