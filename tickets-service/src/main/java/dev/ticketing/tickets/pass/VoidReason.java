package dev.ticketing.tickets.pass;

import java.util.Optional;

import dev.ticketing.common.domain.WireValue;

/**
 * Why a pass admits no one any more.
 */
public enum VoidReason implements WireValue {

	/** Its resale listing was sold: the new buyer holds the ticket. */
	RESOLD,
	/** Support refunded the order that bought it. */
	REFUNDED;

	public static Optional<VoidReason> fromValue(String value) {
		return WireValue.find(VoidReason.class, value);
	}

}
