package dev.ticketing.payments.payment;

/**
 * The answer to a payment request: a payment, or a decline. {@code replayed} when it is
 * the stored first answer to the request's {@code Idempotency-Key}.
 */
public sealed interface PaymentResult {

	boolean replayed();

	/**
	 * The order was paid.
	 */
	record Paid(PaymentResponse payment, boolean replayed) implements PaymentResult {

	}

	/**
	 * The provider declined; nothing was recorded but the answer itself.
	 */
	record Declined(String message, boolean replayed) implements PaymentResult {

	}

}
