package dev.ticketing.tickets.pass;

import java.util.Optional;

import dev.ticketing.common.domain.WireValue;

/**
 * Where a pass stands.
 */
public enum PassStatus implements WireValue {

	/** Its code admits its holder, once. */
	VALID,
	/** Its holder has listed it for resale: refused at the door until withdrawn. */
	LISTED,
	/** Checked in at the door. */
	USED,
	/** Superseded by a resale, or refunded: it admits no one. */
	VOID;

	public static Optional<PassStatus> fromValue(String value) {
		return WireValue.find(PassStatus.class, value);
	}

}
