package dev.ticketing.payments.provider;

import java.util.UUID;

/**
 * A refund of a whole payment.
 *
 * @param idempotencyKey the same for every retry of this refund
 * @param paymentId our payment
 * @param providerPaymentId the provider's id of it
 * @param amount in minor units
 * @param currency ISO 4217
 */
public record Refund(String idempotencyKey, UUID paymentId, String providerPaymentId, long amount, String currency) {

}
