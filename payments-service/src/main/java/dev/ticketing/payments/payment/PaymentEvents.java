package dev.ticketing.payments.payment;

import java.util.Objects;

import dev.ticketing.common.events.payments.v1.PaymentRefunded;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;

/**
 * The payloads of {@code payments.v1.>} (DESIGN §3).
 */
final class PaymentEvents {

	private PaymentEvents() {
	}

	static PaymentSucceeded succeeded(Payment payment) {
		return new PaymentSucceeded(payment.id(), payment.orderId(), payment.amount(), payment.currency(),
				payment.provider(), payment.providerPaymentId());
	}

	static PaymentRefunded refunded(Payment payment) {
		return new PaymentRefunded(payment.id(), payment.orderId(), payment.amount(), payment.currency(),
				Objects.requireNonNull(payment.refundReason(), "a refunded payment has a reason"));
	}

}
