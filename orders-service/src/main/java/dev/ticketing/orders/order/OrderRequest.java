package dev.ticketing.orders.order;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * The body of {@code POST /api/orders}.
 *
 * @param ticketId the ticket to order, a UUID
 */
public record OrderRequest(
		@NotNull @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
				message = "must be a UUID") String ticketId) {

}
