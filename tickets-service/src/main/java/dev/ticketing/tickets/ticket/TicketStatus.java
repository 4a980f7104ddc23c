package dev.ticketing.tickets.ticket;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a listing stands.
 */
public enum TicketStatus {

	/** Listed and free to order. */
	AVAILABLE,
	/** Held by an order awaiting payment. */
	RESERVED,
	/** Bought. */
	SOLD,
	/** Taken off the market by its seller. */
	WITHDRAWN;

	/** The name used in JSON, events and the database. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The status with this {@link #value()}. */
	public static Optional<TicketStatus> fromValue(String value) {
		for (TicketStatus status : values()) {
			if (status.value().equals(value)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
