package dev.ticketing.payments.payout;

import java.util.UUID;

/**
 * A payout to send.
 *
 * @param payoutId our payout, also the provider's idempotency key
 * @param sellerId who is paid
 * @param reference where to: the payout account's reference (for {@code stripe}, the
 * connected account {@code acct_…})
 * @param amount in minor units, positive
 * @param currency ISO 4217
 * @param transferGroup groups the transfer with the charges it pays for (for
 * {@code stripe}, the order id when the payout pays for one order)
 */
public record PayoutInstruction(UUID payoutId, UUID sellerId, String reference, long amount, String currency,
		String transferGroup) {

	/** The idempotency key of this payout at the provider. */
	public String idempotencyKey() {
		return "payout-" + this.payoutId;
	}

}
