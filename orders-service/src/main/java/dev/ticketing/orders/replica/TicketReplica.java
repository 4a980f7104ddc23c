package dev.ticketing.orders.replica;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What orders-service knows of a ticket, from {@code tickets.v1.>}.
 *
 * @param id the ticket id
 * @param version the newest version seen
 * @param title its title
 * @param price its price in minor units
 * @param currency its currency
 * @param sellerId its seller
 * @param eventAt when its event takes place, {@code null} if not given or if the last
 * event came before the field existed
 * @param status {@code available}, {@code reserved}, {@code sold} or {@code withdrawn}
 * @param orderId the order holding it, if any
 */
public record TicketReplica(UUID id, long version, String title, long price, String currency, UUID sellerId,
		@Nullable Instant eventAt, String status, @Nullable UUID orderId) {

	/** Whether tickets-service last said the ticket can be ordered. */
	public boolean isAvailable() {
		return "available".equals(this.status);
	}

}
