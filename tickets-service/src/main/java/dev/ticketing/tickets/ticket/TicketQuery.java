package dev.ticketing.tickets.ticket;

import java.util.UUID;

/**
 * A search of listings.
 *
 * @param status only tickets with this status, or {@code null} for every status
 * @param text matched case-insensitively against title or venue, or {@code null}
 * @param sellerId only this seller's tickets, or {@code null}
 * @param page the page, from 0
 * @param size the page size
 */
public record TicketQuery(TicketStatus status, String text, UUID sellerId, int page, int size) {

}
