package dev.ticketing.orders.order;

import java.util.Locale;

/**
 * Why an order was cancelled.
 */
public enum CancelReason {

	/** The buyer cancelled it. */
	USER,
	/** The hold window ran out before payment. */
	EXPIRED;

	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static CancelReason fromValue(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
