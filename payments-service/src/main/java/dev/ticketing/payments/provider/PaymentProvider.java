package dev.ticketing.payments.provider;

/**
 * Where money is taken and given back: one small interface, one implementation per
 * provider, chosen by {@code ticketing.payments.provider}.
 * <p>
 * Both calls carry an idempotency key: calling again with the same key (a retry after a
 * timeout, a redelivered event) never charges or refunds twice.
 */
public interface PaymentProvider {

	/** The provider's name, as payments and events show it ({@code simulated}, ...). */
	String name();

	/**
	 * Charges an order.
	 * @return the payment taken, or the decline
	 * @throws UnknownPaymentMethodException if the provider knows no such payment method
	 * @throws PaymentProviderException if the provider could not be reached or failed;
	 * whether money was taken is then unknown, and a retry with the same key finds out
	 */
	ChargeOutcome charge(Charge charge);

	/**
	 * Gives a payment's money back.
	 * @throws PaymentProviderException if the provider could not be reached or failed
	 */
	void refund(Refund refund);

}
