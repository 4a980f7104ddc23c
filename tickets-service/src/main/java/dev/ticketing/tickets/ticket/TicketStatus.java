package dev.ticketing.tickets.ticket;

import java.util.Optional;

import dev.ticketing.common.domain.WireValue;

/**
 * Where a listing stands.
 */
public enum TicketStatus implements WireValue {

	/** Listed and free to order. */
	AVAILABLE,
	/** Held by an order awaiting payment. */
	RESERVED,
	/** Bought. */
	SOLD,
	/** Taken off the market by its seller. */
	WITHDRAWN;

	/** The status with this {@link #value()}. */
	public static Optional<TicketStatus> fromValue(String value) {
		return WireValue.find(TicketStatus.class, value);
	}

}
