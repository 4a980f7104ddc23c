package dev.ticketing.payments.payment;

/**
 * What a payment request came to: the order paid, or the provider's decline. A retry with
 * the request's {@code Idempotency-Key} gets the same outcome, {@code replayed}, without
 * asking the provider again.
 */
public sealed interface PaymentOutcome {

	/** Whether this is the first outcome of the key, given again. */
	boolean replayed();

	/**
	 * The order was paid.
	 *
	 * @param payment the payment, as it was when it was taken
	 * @param replayed whether this is a retry's answer
	 */
	record Paid(Payment payment, boolean replayed) implements PaymentOutcome {

	}

	/**
	 * The provider declined; nothing was recorded but the outcome itself.
	 *
	 * @param message why, safe to show the payer
	 * @param replayed whether this is a retry's answer
	 */
	record Declined(String message, boolean replayed) implements PaymentOutcome {

	}

}
