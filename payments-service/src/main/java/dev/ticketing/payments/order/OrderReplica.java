package dev.ticketing.payments.order;

import java.time.Instant;
import java.util.UUID;

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
public record OrderReplica(UUID id, long version, UUID userId, String status, Long amount, String currency,
		Instant expiresAt) {

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

}
