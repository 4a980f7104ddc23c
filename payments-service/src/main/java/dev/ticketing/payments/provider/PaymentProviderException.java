package dev.ticketing.payments.provider;

import org.jspecify.annotations.Nullable;

/**
 * The provider could not be reached or failed: no answer about the money. The caller
 * retries with the same idempotency key.
 */
public class PaymentProviderException extends RuntimeException {

	public PaymentProviderException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
