package dev.ticketing.tickets.ticket;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

import dev.ticketing.common.web.PageQuery;

/**
 * A search of listings.
 *
 * @param status only tickets with this status, or {@code null} for every status
 * @param text matched case-insensitively against title or venue, or {@code null}
 * @param sellerId only this seller's tickets, or {@code null}
 * @param page which page of them
 */
public record TicketQuery(@Nullable TicketStatus status, @Nullable String text, @Nullable UUID sellerId,
		PageQuery page) {

}
