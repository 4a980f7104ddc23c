package dev.ticketing.common.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The events each consumer has applied, kept in the service's own database so that
 * recording an event commits or rolls back with its effect.
 */
interface Inbox {

	/**
	 * Records that {@code consumer} applies {@code eventId}, in the caller's transaction.
	 * @return {@code false} if it had been recorded before, so the event must be skipped
	 */
	boolean record(String consumer, UUID eventId, String subject);

	/** Forgets events processed before {@code cutoff}; returns how many. */
	int purgeBefore(Instant cutoff);

}
