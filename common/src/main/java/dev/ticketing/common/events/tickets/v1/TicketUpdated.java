package dev.ticketing.common.events.tickets.v1;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * {@code tickets.v1.ticket.updated}: the full state of a listing after a change. A
 * replica applies it only when {@code version} is newer than the one it holds.
 *
 * @param id the ticket id
 * @param version the ticket's version after the change
 * @param title the title
 * @param price the price in minor units
 * @param currency the ISO 4217 currency
 * @param sellerId the seller's user id
 * @param status {@code available}, {@code reserved}, {@code sold} or {@code withdrawn}
 * @param orderId the order holding the ticket, {@code null} unless reserved or sold
 */
public record TicketUpdated(UUID id, long version, String title, long price, String currency, UUID sellerId,
		String status, @Nullable UUID orderId) {

}
