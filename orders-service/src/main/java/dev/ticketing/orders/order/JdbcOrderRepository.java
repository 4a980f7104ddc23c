package dev.ticketing.orders.order;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Orders in PostgreSQL. The partial unique index {@code orders_one_active_per_ticket}
 * decides races for a ticket: the losing insert inserts nothing, whatever the number of
 * instances.
 */
@Repository
class JdbcOrderRepository implements OrderRepository {

	private static final String COLUMNS = """
			id, user_id, ticket_id, ticket_title, ticket_price, ticket_currency, ticket_seller_id, ticket_event_at,
			status, cancel_reason, payment_id, expires_at, version, created_at, updated_at""";

	private final JdbcClient jdbc;

	JdbcOrderRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Order order) {
		OrderedTicket ticket = order.ticket();
		// A losing insert does nothing rather than fail: a burst of buyers on one ticket
		// costs
		// neither an exception per loser here nor an error line per loser in the
		// database's log.
		int inserted = this.jdbc
			.sql("INSERT INTO orders (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
					+ " ON CONFLICT (ticket_id) WHERE status IN ('created', 'complete') DO NOTHING")
			.params(order.id(), order.userId(), ticket.id(), ticket.title(), ticket.price(), ticket.currency(),
					ticket.sellerId(), (ticket.eventAt() != null) ? Timestamp.from(ticket.eventAt()) : null,
					order.status().value(), null, null, Timestamp.from(order.expiresAt()), order.version(),
					Timestamp.from(order.createdAt()), Timestamp.from(order.updatedAt()))
			.update();
		if (inserted == 0) {
			throw new TicketUnavailableException();
		}
	}

	@Override
	public Optional<Order> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ?")
			.param(id)
			.query(JdbcOrderRepository::order)
			.optional();
	}

	@Override
	public Optional<Order> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM orders WHERE id = ? FOR UPDATE")
			.param(id)
			.query(JdbcOrderRepository::order)
			.optional();
	}

	@Override
	public void update(Order order) {
		int updated = this.jdbc.sql("""
				UPDATE orders SET status = ?, cancel_reason = ?, payment_id = ?, version = ?, updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(order.status().value(), (order.cancelReason() != null) ? order.cancelReason().value() : null,
					order.paymentId(), order.version(), Timestamp.from(order.updatedAt()), order.id(),
					order.version() - 1)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Order " + order.id() + " changed concurrently");
		}
	}

	@Override
	public PageResponse<Order> findByUser(UUID userId, PageQuery page) {
		long total = this.jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
			.param(userId)
			.query(Long.class)
			.single();
		List<Order> items = this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM orders WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(userId, page.size(), page.offset())
			.query(JdbcOrderRepository::order)
			.list();
		return PageResponse.of(items, page, total);
	}

	@Override
	public List<Order> claimExpired(Instant now, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM orders WHERE status = 'created' AND expires_at <= ?
				ORDER BY expires_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), limit)
			.query(JdbcOrderRepository::order)
			.list();
	}

	private static Order order(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("cancel_reason");
		Timestamp eventAt = rs.getTimestamp("ticket_event_at");
		return new Order(rs.getObject("id", UUID.class), rs.getObject("user_id", UUID.class),
				new OrderedTicket(rs.getObject("ticket_id", UUID.class), rs.getString("ticket_title"),
						rs.getLong("ticket_price"), rs.getString("ticket_currency"),
						rs.getObject("ticket_seller_id", UUID.class), (eventAt != null) ? eventAt.toInstant() : null),
				OrderStatus.fromValue(rs.getString("status")).orElseThrow(),
				(reason != null) ? CancelReason.fromValue(reason).orElseThrow() : null,
				rs.getObject("payment_id", UUID.class), rs.getTimestamp("expires_at").toInstant(),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
