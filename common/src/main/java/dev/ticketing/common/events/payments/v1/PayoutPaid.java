package dev.ticketing.common.events.payments.v1;

import java.util.UUID;

/**
 * {@code payments.v1.payout.paid}: a seller's available balance was sent to them.
 *
 * @param id the payout id
 * @param sellerId the seller paid
 * @param amount the amount sent in minor units
 * @param currency the ISO 4217 currency
 * @param method the payout method: {@code simulated} or {@code stripe}
 */
public record PayoutPaid(UUID id, UUID sellerId, long amount, String currency, String method) {

}
