package dev.ticketing.common.events.orders.v1;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.ticketing.common.events.schema.AddedField;

/**
 * {@code orders.v1.order.created}: a buyer holds a ticket until {@code expiresAt}.
 *
 * @param id the order id
 * @param version the order's version, 1 for a new order
 * @param userId the buyer
 * @param status {@code created}
 * @param expiresAt when the hold runs out
 * @param ticket the ticket held
 */
public record OrderCreated(UUID id, long version, UUID userId, String status, Instant expiresAt, Ticket ticket) {

	/**
	 * The ticket of an order, priced as it was when the order was placed.
	 *
	 * @param id the ticket id
	 * @param price the price in minor units
	 * @param currency the ISO 4217 currency
	 * @param sellerId who sells it (absent from events written before it was added)
	 * @param eventAt when the event takes place, {@code null} if not given
	 */
	public record Ticket(UUID id, long price, String currency, @AddedField @Nullable UUID sellerId,
			@AddedField @Nullable Instant eventAt) {

	}

}
