package dev.ticketing.common.events.orders.v1;

import java.util.UUID;

/**
 * {@code orders.v1.order.cancelled}: the hold is released.
 *
 * @param id the order id
 * @param version the order's version after the cancellation
 * @param userId the buyer
 * @param ticket the ticket the order held
 * @param reason {@code user} or {@code expired}
 */
public record OrderCancelled(UUID id, long version, UUID userId, TicketRef ticket, String reason) {

}
