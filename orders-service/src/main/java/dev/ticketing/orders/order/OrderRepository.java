package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Where orders are kept; {@link JdbcOrderRepository} is the PostgreSQL implementation.
 */
public interface OrderRepository {

	/**
	 * Stores a new order.
	 * @throws TicketUnavailableException if the ticket already has an active order
	 */
	void insert(Order order);

	Optional<Order> find(UUID id);

	/** Finds an order and locks it until the transaction ends. */
	Optional<Order> findForUpdate(UUID id);

	/** Stores a changed order over the version it was changed from. */
	void update(Order order);

	/** A buyer's orders, newest first. */
	PageResponse<Order> findByUser(UUID userId, PageQuery page);

	/**
	 * Locks up to {@code limit} {@code created} orders whose hold ran out by {@code now},
	 * skipping those another instance has locked.
	 */
	List<Order> claimExpired(Instant now, int limit);

}
