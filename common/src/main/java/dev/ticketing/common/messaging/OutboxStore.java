package dev.ticketing.common.messaging;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Where outbox rows live: the service's own database, so that a row commits or rolls back
 * with the state change it announces.
 */
interface OutboxStore {

	/** Adds a row in the caller's transaction. */
	void add(OutboxMessage message, Instant occurredAt);

	/**
	 * Locks up to {@code limit} unsent rows, oldest first, skipping rows another relay
	 * has locked. Must run in a transaction; the locks last until it ends.
	 */
	List<OutboxMessage> claimUnsent(int limit);

	/** Marks rows published, in the transaction that claimed them. */
	void markSent(Collection<OutboxMessage> messages, Instant sentAt);

	/** Deletes rows sent before {@code cutoff}; returns how many. */
	int purgeSentBefore(Instant cutoff);

	/** How many rows wait to be published. */
	long countUnsent();

	/** When the oldest row that waits to be published was written, if one waits. */
	Optional<Instant> oldestUnsentAt();

}
