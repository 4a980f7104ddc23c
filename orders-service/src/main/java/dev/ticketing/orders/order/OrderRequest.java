package dev.ticketing.orders.order;

import jakarta.validation.constraints.NotNull;

import dev.ticketing.common.web.Uuid;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param ticketId the ticket to order, a UUID
 */
public record OrderRequest(@NotNull @Uuid String ticketId) {

}
