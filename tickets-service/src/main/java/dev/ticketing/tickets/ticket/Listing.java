package dev.ticketing.tickets.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * What a seller says about a ticket, already validated.
 *
 * @param title the title
 * @param price the price in minor units
 * @param currency the ISO 4217 currency
 * @param description an optional description
 * @param venue an optional venue
 * @param eventAt when the event takes place, if known
 */
public record Listing(String title, long price, String currency, @Nullable String description, @Nullable String venue,
		@Nullable Instant eventAt) {

}
