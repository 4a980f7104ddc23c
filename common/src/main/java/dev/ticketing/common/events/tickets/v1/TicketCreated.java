package dev.ticketing.common.events.tickets.v1;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.ticketing.common.events.schema.AddedField;

/**
 * {@code tickets.v1.ticket.created}: the full state of a new listing.
 *
 * @param id the ticket id
 * @param version the ticket's version, 1 for a new ticket
 * @param title the title
 * @param price the price in minor units
 * @param faceValue what the ticket originally cost, in minor units; carried to every
 * resale (absent from events written before it was added)
 * @param currency the ISO 4217 currency
 * @param sellerId the seller's user id
 * @param eventAt when the event takes place, {@code null} if not given
 * @param resoldFrom the listing this one resells, {@code null} for a first listing
 * @param status {@code available}, {@code reserved}, {@code sold} or {@code withdrawn}
 * @param orderId the order holding the ticket, {@code null} unless reserved or sold
 */
public record TicketCreated(UUID id, long version, String title, long price, @AddedField @Nullable Long faceValue,
		String currency, UUID sellerId, @AddedField @Nullable Instant eventAt, @AddedField @Nullable UUID resoldFrom,
		String status, @Nullable UUID orderId) {

}
