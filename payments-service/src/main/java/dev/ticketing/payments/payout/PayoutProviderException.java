package dev.ticketing.payments.payout;

import org.jspecify.annotations.Nullable;

/**
 * The payout provider could not be reached or failed: no answer about the money. The
 * payout stays pending and is retried with the same idempotency key.
 */
public class PayoutProviderException extends RuntimeException {

	public PayoutProviderException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
