package dev.ticketing.common.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * An enum whose constants travel as their lower-case names ({@code AVAILABLE} is
 * {@code "available"}) in JSON, events and the database: the one way every wire enum
 * writes and reads its values.
 *
 * <pre>
 * public enum TicketStatus implements WireValue {
 *     AVAILABLE, SOLD;
 *
 *     public static Optional&lt;TicketStatus&gt; fromValue(String value) {
 *         return WireValue.find(TicketStatus.class, value);
 *     }
 * }
 * </pre>
 */
public interface WireValue {

	/** The constant's name on the wire. */
	default String value() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
	}

	/** The constant of {@code type} whose {@link #value()} is exactly {@code value}. */
	static <E extends Enum<E> & WireValue> Optional<E> find(Class<E> type, String value) {
		for (E constant : type.getEnumConstants()) {
			if (constant.value().equals(value)) {
				return Optional.of(constant);
			}
		}
		return Optional.empty();
	}

}
