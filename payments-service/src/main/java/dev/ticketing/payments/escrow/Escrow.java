package dev.ticketing.payments.escrow;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order's money held for its seller.
 *
 * @param orderId the order
 * @param paymentId the payment that brought the money
 * @param sellerId who is paid at the release
 * @param amount in minor units
 * @param currency ISO 4217
 * @param releaseAt when it may be released
 * @param releasedAt when it was, {@code null} before
 * @param fee what the platform kept at the release, {@code null} before
 * @param refundedAt when its payment was refunded, {@code null} unless it was
 * @param payoutId the payout that paid it to the seller, {@code null} before
 */
public record Escrow(UUID orderId, UUID paymentId, UUID sellerId, long amount, String currency, Instant releaseAt,
		@Nullable Instant releasedAt, @Nullable Long fee, @Nullable Instant refundedAt, @Nullable UUID payoutId) {

	public boolean isReleased() {
		return this.releasedAt != null;
	}

	/** What the seller got at the release: the amount less the fee. */
	public long net() {
		if (this.fee == null) {
			throw new IllegalStateException("Escrow of order " + this.orderId + " is not released");
		}
		return this.amount - this.fee;
	}

	/**
	 * When an order's money is released: {@code delay} after its event, or after its
	 * completion when it has no event time.
	 */
	public static Instant releaseAt(@Nullable Instant eventAt, Instant completedAt, Duration delay) {
		return ((eventAt != null) ? eventAt : completedAt).plus(delay);
	}

}
