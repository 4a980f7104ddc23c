package dev.ticketing.tickets.resale;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import dev.ticketing.tickets.ticket.TicketRequest;

/**
 * The body of {@code POST /api/tickets/{id}/resale}: the reseller chooses only the price
 * and the description.
 *
 * @param price 1–100000000 minor units, within the price cap
 * @param description at most 2000 characters
 */
record ResaleRequest(@NotNull @Min(1) @Max(100_000_000) Long price,
		@Size(max = 2000) @Pattern(regexp = TicketRequest.NO_NUL,
				message = TicketRequest.NO_NUL_MESSAGE) @Nullable String description) {

	@Nullable String descriptionOrNull() {
		return (this.description == null || this.description.isBlank()) ? null : this.description.strip();
	}

}
