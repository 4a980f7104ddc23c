package dev.ticketing.payments.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What payments-service knows of an order, from {@code orders.v1.>}.
 *
 * @param id the order id
 * @param version the newest version seen
 * @param userId the buyer
 * @param status {@code created}, {@code cancelled} or {@code complete}
 * @param amount the price to charge in minor units; {@code null} if {@code order.created}
 * was not seen (a later event arrived first)
 * @param currency ISO 4217, {@code null} likewise
 * @param expiresAt when the hold runs out, {@code null} likewise
 */
public record OrderReplica(UUID id, long version, UUID userId, String status, @Nullable Long amount,
		@Nullable String currency, @Nullable Instant expiresAt) {

	public boolean isPlacedBy(UUID user) {
		return this.userId.equals(user);
	}

	public boolean isCancelled() {
		return "cancelled".equals(this.status);
	}

	public boolean isComplete() {
		return "complete".equals(this.status);
	}

	/**
	 * Whether the hold has run out at {@code now}, whether or not orders-service has
	 * cancelled the order yet.
	 */
	public boolean isExpiredAt(Instant now) {
		return this.expiresAt != null && !now.isBefore(this.expiresAt);
	}

	/**
	 * The price to charge for the order at {@code now}, if it can be paid then.
	 * @throws OrderPaidException if it is complete
	 * @throws OrderCancelledException if it was cancelled
	 * @throws OrderExpiredException if its hold has run out
	 * @throws IllegalStateException if its {@code order.created} was never seen, so its
	 * price is unknown (a created order always has one)
	 */
	public Price priceToPayAt(Instant now) {
		if (isComplete()) {
			throw new OrderPaidException();
		}
		if (isCancelled()) {
			throw new OrderCancelledException();
		}
		if (isExpiredAt(now)) {
			throw new OrderExpiredException();
		}
		if (this.amount == null || this.currency == null) {
			throw new IllegalStateException("Order " + this.id + " is created but its price is unknown");
		}
		return new Price(this.amount, this.currency);
	}

	/**
	 * What an order costs.
	 *
	 * @param amount in minor units
	 * @param currency ISO 4217
	 */
	public record Price(long amount, String currency) {

	}

}
