package dev.ticketing.payments.payment;

import java.util.Arrays;

/**
 * Where a payment stands: {@code succeeded}, then possibly {@code refunded}.
 */
public enum PaymentStatus {

	SUCCEEDED("succeeded"), REFUNDED("refunded");

	private final String value;

	PaymentStatus(String value) {
		this.value = value;
	}

	/** The name in the API, events and the database. */
	public String value() {
		return this.value;
	}

	public static PaymentStatus fromValue(String value) {
		return Arrays.stream(values())
			.filter((status) -> status.value.equals(value))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("Unknown payment status " + value));
	}

}
