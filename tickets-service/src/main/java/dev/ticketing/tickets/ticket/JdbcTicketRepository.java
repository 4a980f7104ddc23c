package dev.ticketing.tickets.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.web.PageResponse;

/**
 * Tickets in PostgreSQL.
 */
@Repository
class JdbcTicketRepository implements TicketRepository {

	private static final String COLUMNS = """
			id, title, price, face_value, currency, description, venue, event_at, seller_id, resold_from, status,
			order_id, version, created_at, updated_at""";

	private final JdbcClient jdbc;

	JdbcTicketRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Ticket ticket) {
		Listing listing = ticket.listing();
		this.jdbc.sql("INSERT INTO tickets (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(ticket.id(), listing.title(), listing.price(), ticket.faceValue(), listing.currency(),
					listing.description(), listing.venue(), timestamp(listing.eventAt()), ticket.sellerId(),
					ticket.resoldFrom(), ticket.status().value(), ticket.orderId(), ticket.version(),
					timestamp(ticket.createdAt()), timestamp(ticket.updatedAt()))
			.update();
	}

	@Override
	public Optional<Ticket> find(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ?")
			.param(id)
			.query(JdbcTicketRepository::ticket)
			.optional();
	}

	@Override
	public Map<UUID, Ticket> findAll(Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		Map<UUID, Ticket> found = new HashMap<>();
		this.jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ANY (?)")
			.param(ids.toArray(UUID[]::new))
			.query(JdbcTicketRepository::ticket)
			.list()
			.forEach((ticket) -> found.put(ticket.id(), ticket));
		return found;
	}

	@Override
	public Optional<Ticket> findForUpdate(UUID id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM tickets WHERE id = ? FOR UPDATE")
			.param(id)
			.query(JdbcTicketRepository::ticket)
			.optional();
	}

	@Override
	public void update(Ticket ticket) {
		Listing listing = ticket.listing();
		int updated = this.jdbc.sql("""
				UPDATE tickets SET title = ?, price = ?, currency = ?, description = ?, venue = ?, event_at = ?,
				status = ?, order_id = ?, version = ?, updated_at = ?
				WHERE id = ? AND version = ?""")
			.params(listing.title(), listing.price(), listing.currency(), listing.description(), listing.venue(),
					timestamp(listing.eventAt()), ticket.status().value(), ticket.orderId(), ticket.version(),
					timestamp(ticket.updatedAt()), ticket.id(), ticket.version() - 1)
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Ticket " + ticket.id() + " changed concurrently");
		}
	}

	@Override
	public PageResponse<Ticket> search(TicketQuery query) {
		StringBuilder where = new StringBuilder(" WHERE true");
		List<Object> params = new ArrayList<>();
		if (query.status() != null) {
			where.append(" AND status = ?");
			params.add(query.status().value());
		}
		if (query.sellerId() != null) {
			where.append(" AND seller_id = ?");
			params.add(query.sellerId());
		}
		if (query.text() != null) {
			where.append(" AND (title ILIKE ? ESCAPE '\\' OR venue ILIKE ? ESCAPE '\\')");
			String pattern = "%" + query.text().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
			params.add(pattern);
			params.add(pattern);
		}
		long total = this.jdbc.sql("SELECT count(*) FROM tickets" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(query.page().size());
		pageParams.add(query.page().offset());
		List<Ticket> items = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM tickets" + where + " ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query(JdbcTicketRepository::ticket)
			.list();
		return PageResponse.of(items, query.page(), total);
	}

	private static Ticket ticket(ResultSet rs, int row) throws SQLException {
		Listing listing = new Listing(rs.getString("title"), rs.getLong("price"), rs.getString("currency"),
				rs.getString("description"), rs.getString("venue"), instant(rs.getTimestamp("event_at")));
		return new Ticket(rs.getObject("id", UUID.class), listing, rs.getLong("face_value"),
				rs.getObject("resold_from", UUID.class), rs.getObject("seller_id", UUID.class),
				TicketStatus.fromValue(rs.getString("status")).orElseThrow(), rs.getObject("order_id", UUID.class),
				rs.getLong("version"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
