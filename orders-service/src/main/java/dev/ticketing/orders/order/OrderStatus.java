package dev.ticketing.orders.order;

import java.util.Locale;
import java.util.Set;

/**
 * Where an order stands, and where it may go next (DESIGN: created → cancelled, created →
 * complete; nothing leaves cancelled or complete).
 */
public enum OrderStatus {

	/** Holding the ticket, awaiting payment. */
	CREATED,
	/** Released: by the buyer or because the hold ran out. */
	CANCELLED,
	/** Paid; the ticket is the buyer's. */
	COMPLETE;

	/** Whether an order may move from this status to {@code next}. */
	public boolean canBecome(OrderStatus next) {
		return this == CREATED && Set.of(CANCELLED, COMPLETE).contains(next);
	}

	/** The name used in JSON, events and the database. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static OrderStatus fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
