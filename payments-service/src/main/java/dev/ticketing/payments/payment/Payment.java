package dev.ticketing.payments.payment;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Money taken for an order, and possibly given back.
 *
 * @param id the payment id
 * @param orderId the order paid for
 * @param userId who paid
 * @param amount in minor units
 * @param currency ISO 4217
 * @param status {@code succeeded} or {@code refunded}
 * @param provider the provider that took it
 * @param providerPaymentId the provider's id of it
 * @param refundReason why it was refunded, {@code null} unless refunded
 * @param createdAt when it succeeded
 * @param refundedAt when it was refunded, {@code null} unless refunded
 * @param attemptKey the provider idempotency key of the attempt that took it,
 * {@code null} if the provider did not say (a webhook without it)
 */
public record Payment(UUID id, UUID orderId, UUID userId, long amount, String currency, PaymentStatus status,
		String provider, String providerPaymentId, @Nullable String refundReason, Instant createdAt,
		@Nullable Instant refundedAt, @Nullable String attemptKey) {

	/** The reason of the late-payment saga's refunds. */
	public static final String ORDER_CANCELLED = "order_cancelled";

	/**
	 * The reason of refunds of a second charge for an order that was already paid (found
	 * by a provider's webhook).
	 */
	public static final String DUPLICATE = "duplicate";

	/** The reason of refunds support asked for. */
	public static final String SUPPORT = "support";

	/** A payment that succeeded now. */
	public static Payment succeeded(UUID id, UUID orderId, UUID userId, long amount, String currency, String provider,
			String providerPaymentId, @Nullable String attemptKey, Instant now) {
		return new Payment(id, orderId, userId, amount, currency, PaymentStatus.SUCCEEDED, provider, providerPaymentId,
				null, now, null, attemptKey);
	}

	/**
	 * The payment as it was when it was taken (succeeded, nothing refunded): what the
	 * request that took it answered, and so what a retry of that request answers again.
	 */
	public Payment asTaken() {
		return new Payment(this.id, this.orderId, this.userId, this.amount, this.currency, PaymentStatus.SUCCEEDED,
				this.provider, this.providerPaymentId, null, this.createdAt, null, this.attemptKey);
	}

	/** Whether the attempt with this provider idempotency key took it. */
	public boolean isTakenBy(String attempt) {
		return attempt.equals(this.attemptKey);
	}

	public boolean isMadeBy(UUID user) {
		return this.userId.equals(user);
	}

	/**
	 * The payment refunded for {@code reason}.
	 * @throws IllegalStateException if it already is
	 */
	public Payment refund(String reason, Instant now) {
		if (this.status != PaymentStatus.SUCCEEDED) {
			throw new IllegalStateException("Payment " + this.id + " is already " + this.status.value());
		}
		return new Payment(this.id, this.orderId, this.userId, this.amount, this.currency, PaymentStatus.REFUNDED,
				this.provider, this.providerPaymentId, reason, this.createdAt, now, this.attemptKey);
	}

}
