package dev.ticketing.orders.order;

import java.util.Optional;

import dev.ticketing.common.domain.WireValue;

/**
 * Why an order was cancelled.
 */
public enum CancelReason implements WireValue {

	/** The buyer cancelled it. */
	USER,
	/** The hold window ran out before payment. */
	EXPIRED;

	/** The reason with this {@link #value()}. */
	public static Optional<CancelReason> fromValue(String value) {
		return WireValue.find(CancelReason.class, value);
	}

}
