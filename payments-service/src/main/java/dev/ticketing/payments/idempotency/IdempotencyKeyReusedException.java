package dev.ticketing.payments.idempotency;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 422 {@code idempotency_key_reused} (IETF Idempotency-Key draft): the key was first used
 * with another body.
 */
public class IdempotencyKeyReusedException extends ApiException {

	public IdempotencyKeyReusedException() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused",
				"This Idempotency-Key was used for a different request.");
	}

}
