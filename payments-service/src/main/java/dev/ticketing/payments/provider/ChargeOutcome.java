package dev.ticketing.payments.provider;

/**
 * What became of a charge.
 */
public sealed interface ChargeOutcome {

	/**
	 * The money was taken.
	 *
	 * @param providerPaymentId the provider's id of the payment ({@code pi_...})
	 */
	record Succeeded(String providerPaymentId) implements ChargeOutcome {

	}

	/**
	 * The provider refused the charge.
	 *
	 * @param message why, safe to show the payer
	 */
	record Declined(String message) implements ChargeOutcome {

	}

}
