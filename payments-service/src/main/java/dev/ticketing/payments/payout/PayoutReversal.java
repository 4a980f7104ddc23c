package dev.ticketing.payments.payout;

/**
 * Money to take back from a payout that was sent.
 *
 * @param idempotencyKey the same for every retry of this reversal
 * @param providerReference the provider's id of the transfer ({@code tr_…})
 * @param amount in minor units, positive, at most the transfer's
 * @param currency ISO 4217
 */
public record PayoutReversal(String idempotencyKey, String providerReference, long amount, String currency) {

}
