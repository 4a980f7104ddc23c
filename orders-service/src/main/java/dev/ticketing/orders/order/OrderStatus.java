package dev.ticketing.orders.order;

import java.util.Optional;
import java.util.Set;

import dev.ticketing.common.domain.WireValue;

/**
 * Where an order stands, and where it may go next (DESIGN: created → cancelled, created →
 * complete; nothing leaves cancelled or complete).
 */
public enum OrderStatus implements WireValue {

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

	/** The status with this {@link #value()}. */
	public static Optional<OrderStatus> fromValue(String value) {
		return WireValue.find(OrderStatus.class, value);
	}

}
