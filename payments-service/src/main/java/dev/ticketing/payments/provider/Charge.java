package dev.ticketing.payments.provider;

import java.util.UUID;

/**
 * A charge to make.
 *
 * @param idempotencyKey the same for every retry of one payment attempt
 * @param orderId the order paid for
 * @param userId who pays
 * @param amount in minor units
 * @param currency ISO 4217
 * @param paymentMethod the provider's payment method ({@code pm_card_visa}, ...)
 */
public record Charge(String idempotencyKey, UUID orderId, UUID userId, long amount, String currency,
		String paymentMethod) {

}
