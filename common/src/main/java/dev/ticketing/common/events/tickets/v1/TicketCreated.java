package dev.ticketing.common.events.tickets.v1;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * {@code tickets.v1.ticket.created}: the full state of a new listing.
 *
 * @param id the ticket id
 * @param version the ticket's version, 1 for a new ticket
 * @param title the title
 * @param price the price in minor units
 * @param currency the ISO 4217 currency
 * @param sellerId the seller's user id
 * @param status {@code available}, {@code reserved}, {@code sold} or {@code withdrawn}
 * @param orderId the order holding the ticket, {@code null} unless reserved or sold
 */
public record TicketCreated(UUID id, long version, String title, long price, String currency, UUID sellerId,
		String status, @Nullable UUID orderId) {

}
