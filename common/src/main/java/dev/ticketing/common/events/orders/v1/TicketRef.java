package dev.ticketing.common.events.orders.v1;

import java.util.UUID;

/**
 * The ticket an order event refers to.
 *
 * @param id the ticket id
 */
public record TicketRef(UUID id) {

}
