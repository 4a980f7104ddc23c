package dev.ticketing.common.events.payments.v1;

import java.util.UUID;

/**
 * {@code payments.v1.payment.refunded}: a payment was given back, e.g. because its order
 * was cancelled before the charge went through.
 *
 * @param id the payment id
 * @param orderId the order the payment was for
 * @param amount the amount refunded in minor units
 * @param currency the ISO 4217 currency
 * @param reason why, e.g. {@code order_cancelled}
 */
public record PaymentRefunded(UUID id, UUID orderId, long amount, String currency, String reason) {

}
