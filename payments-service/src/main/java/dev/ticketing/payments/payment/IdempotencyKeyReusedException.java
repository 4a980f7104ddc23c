package dev.ticketing.payments.payment;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code idempotency_key_reused} (IETF Idempotency-Key draft): the key was first used
 * with another body.
 */
public class IdempotencyKeyReusedException extends DomainException {

	public IdempotencyKeyReusedException() {
		super("idempotency_key_reused", "This Idempotency-Key was used for a different request.");
	}

}
