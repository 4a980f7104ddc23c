package dev.ticketing.payments.payout;

/**
 * Where a seller's money is sent: one implementation per payout method
 * ({@code simulated}, {@code stripe}), chosen by the seller's payout account.
 * <p>
 * Every call carries an idempotency key (a payout's id, a reversal's key): calling again
 * with the same key, after a timeout, a crash or on another instance, never sends money
 * twice and answers as the first call did.
 */
public interface PayoutProvider {

	/** The payout method it serves, as payout accounts and payouts name it. */
	String method();

	/**
	 * Sends a payout.
	 * @return the provider's transfer, or its refusal (a definitive no: nothing was sent,
	 * and a retry with the same key would be refused again)
	 * @throws PayoutProviderException if the provider could not be reached or failed:
	 * whether money was sent is not known, and a retry with the same key finds out
	 */
	PayoutOutcome pay(PayoutInstruction instruction);

	/**
	 * Takes back part or all of a payout that was sent, e.g. after a refund of an order
	 * it paid for.
	 * @return whether the money came back; {@code false} if the provider refused (the
	 * transfer cannot be reversed, or not by that much)
	 * @throws PayoutProviderException if the provider could not be reached or failed
	 */
	boolean reverse(PayoutReversal reversal);

}
