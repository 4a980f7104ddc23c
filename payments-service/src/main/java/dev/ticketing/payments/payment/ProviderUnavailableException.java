package dev.ticketing.payments.payment;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code payment_provider_unavailable}: no answer from the provider; the transaction
 * rolled back.
 */
public class ProviderUnavailableException extends DomainException {

	public ProviderUnavailableException() {
		super("payment_provider_unavailable",
				"The payment provider could not be reached; nothing was recorded. Retry with the same Idempotency-Key.");
	}

}
