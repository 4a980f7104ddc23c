package dev.ticketing.payments.payment;

import java.util.Optional;

import dev.ticketing.common.domain.WireValue;

/**
 * Where a payment stands: {@code succeeded}, then possibly {@code refunded}.
 */
public enum PaymentStatus implements WireValue {

	/** The money was taken. */
	SUCCEEDED,
	/** The money was given back. */
	REFUNDED;

	/** The status with this {@link #value()}. */
	public static Optional<PaymentStatus> fromValue(String value) {
		return WireValue.find(PaymentStatus.class, value);
	}

}
