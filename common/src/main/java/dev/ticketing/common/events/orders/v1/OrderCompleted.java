package dev.ticketing.common.events.orders.v1;

import java.util.UUID;

/**
 * {@code orders.v1.order.completed}: the order is paid and the ticket is the buyer's.
 *
 * @param id the order id
 * @param version the order's version after completion
 * @param userId the buyer
 * @param ticket the ticket bought
 * @param paymentId the payment that completed the order
 */
public record OrderCompleted(UUID id, long version, UUID userId, TicketRef ticket, UUID paymentId) {

}
