package dev.ticketing.payments.payment;

import java.time.Instant;
import java.util.UUID;

/**
 * A payment as the API shows it (DESIGN §2).
 */
public record PaymentResponse(UUID id, UUID orderId, long amount, String currency, String status, String provider,
		String providerPaymentId, Instant createdAt) {

	static PaymentResponse of(Payment payment) {
		return new PaymentResponse(payment.id(), payment.orderId(), payment.amount(), payment.currency(),
				payment.status().value(), payment.provider(), payment.providerPaymentId(), payment.createdAt());
	}

}
