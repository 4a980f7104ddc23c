package dev.ticketing.payments.payment;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;

/**
 * 503 {@code payment_provider_unavailable}: no answer from the provider; the transaction
 * rolled back.
 */
public class ProviderUnavailableException extends ApiException {

	public ProviderUnavailableException() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "payment_provider_unavailable",
				"The payment provider could not be reached; nothing was recorded. Retry with the same Idempotency-Key.");
	}

}
