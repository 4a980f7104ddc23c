package dev.ticketing.common.events.payments.v1;

import java.util.UUID;

/**
 * {@code payments.v1.payment.succeeded}: an order was charged.
 *
 * @param id the payment id
 * @param orderId the order paid for
 * @param amount the amount in minor units
 * @param currency the ISO 4217 currency
 * @param provider the payment provider, e.g. {@code simulated} or {@code stripe}
 * @param providerPaymentId the provider's id of the charge
 */
public record PaymentSucceeded(UUID id, UUID orderId, long amount, String currency, String provider,
		String providerPaymentId) {

}
