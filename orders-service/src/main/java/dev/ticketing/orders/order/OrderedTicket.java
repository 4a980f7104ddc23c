package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The ticket an order is for, as it was when the order was placed.
 *
 * @param id the ticket id
 * @param title its title
 * @param price its price in minor units
 * @param currency its ISO 4217 currency
 * @param sellerId who sold it, {@code null} for an order placed before orders recorded it
 * @param eventAt when its event takes place, {@code null} if the ticket gave none or the
 * order was placed before orders recorded it
 */
public record OrderedTicket(UUID id, String title, long price, String currency, @Nullable UUID sellerId,
		@Nullable Instant eventAt) {

}
