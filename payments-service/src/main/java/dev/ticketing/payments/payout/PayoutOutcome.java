package dev.ticketing.payments.payout;

/**
 * The provider's answer to a payout.
 */
public sealed interface PayoutOutcome {

	/**
	 * The money was sent.
	 *
	 * @param providerReference the provider's id of the transfer
	 */
	record Sent(String providerReference) implements PayoutOutcome {

	}

	/**
	 * The provider refused it: nothing was sent.
	 *
	 * @param reason why, as the provider said it
	 */
	record Refused(String reason) implements PayoutOutcome {

	}

}
