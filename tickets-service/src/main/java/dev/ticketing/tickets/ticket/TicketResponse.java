package dev.ticketing.tickets.ticket;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A ticket as the API shows it (DESIGN §2).
 */
public record TicketResponse(UUID id, String title, long price, long faceValue, String currency,
		@Nullable String description, @Nullable String venue, @Nullable Instant eventAt, UUID sellerId,
		@Nullable UUID resoldFrom, String status, long version, Instant createdAt, Instant updatedAt) {

	public static TicketResponse of(Ticket ticket) {
		Listing listing = ticket.listing();
		return new TicketResponse(ticket.id(), listing.title(), listing.price(), ticket.faceValue(), listing.currency(),
				listing.description(), listing.venue(), listing.eventAt(), ticket.sellerId(), ticket.resoldFrom(),
				ticket.status().value(), ticket.version(), ticket.createdAt(), ticket.updatedAt());
	}

}
