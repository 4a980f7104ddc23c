package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Where passes are kept; {@link JdbcPassRepository} in PostgreSQL.
 */
interface PassRepository {

	void insert(Pass pass);

	/** Stores a changed pass. */
	void update(Pass pass);

	Optional<Pass> find(UUID id);

	/** The pass issued through a listing, locked until the transaction ends. */
	Optional<Pass> findByTicketForUpdate(UUID ticketId);

	/** The pass an order bought. */
	Optional<Pass> findByOrder(UUID orderId);

	/** The pass an order bought, locked until the transaction ends. */
	Optional<Pass> findByOrderForUpdate(UUID orderId);

	/** The pass issued through a listing. */
	Optional<Pass> findByTicket(UUID ticketId);

	/**
	 * Marks a valid pass used, in one statement: of any number of simultaneous calls for
	 * one pass, exactly one gets it.
	 * @return the pass as used, or empty if it is not a valid pass of that ticket
	 */
	Optional<Pass> checkIn(UUID id, UUID ticketId, Instant now);

	/** The passes a user holds, newest first. */
	PageResponse<Pass> heldBy(UUID holderId, PageQuery page);

	/**
	 * Remembers that support refunded an order; {@code false} if it was already known.
	 */
	boolean recordRefund(UUID orderId, Instant now);

	boolean isRefunded(UUID orderId);

}
