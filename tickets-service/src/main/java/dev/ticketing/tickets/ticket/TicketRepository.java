package dev.ticketing.tickets.ticket;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.common.web.PageResponse;

/**
 * Where tickets are kept. The PostgreSQL implementation is {@link JdbcTicketRepository};
 * callers need nothing else (DESIGN §1: a second store can be added behind this).
 */
public interface TicketRepository {

	void insert(Ticket ticket);

	Optional<Ticket> find(UUID id);

	/** The tickets with these ids that exist, by id. */
	Map<UUID, Ticket> findAll(Collection<UUID> ids);

	/** Finds a ticket and locks it until the transaction ends. */
	Optional<Ticket> findForUpdate(UUID id);

	/** Stores a changed ticket over the version it was changed from. */
	void update(Ticket ticket);

	PageResponse<Ticket> search(TicketQuery query);

}
