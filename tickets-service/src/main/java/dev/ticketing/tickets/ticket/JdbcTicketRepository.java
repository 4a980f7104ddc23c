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

	/**
	 * A page without text (filled in with the filter, the count's limit and the columns).
	 * Status and seller are index ranges: counting any rows of one, in no order, and
	 * reading the page in index order costs less than keeping the ordered matches to take
	 * the page from.
	 */
	private static final String BROWSE = """
			SELECT counted.n AS counted, page.*
			FROM (SELECT count(*) AS n FROM (SELECT 1 FROM tickets%1$s LIMIT %2$d) matched) counted
			LEFT JOIN (
			    SELECT %3$s FROM tickets%1$s ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
			) page ON true
			ORDER BY page.created_at DESC, page.id DESC""";

	/**
	 * A page with text, filled in alike. The text is the costly part: the matches are
	 * found once, then counted and the page taken from them.
	 */
	private static final String SEARCH = """
			WITH matched AS (
			    SELECT id, created_at FROM tickets%1$s ORDER BY created_at DESC, id DESC LIMIT %2$d
			), page AS (
			    SELECT id FROM matched ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?
			)
			SELECT counted.n AS counted, %3$s
			FROM (SELECT count(*) AS n FROM matched) counted LEFT JOIN (page JOIN tickets USING (id)) ON true
			ORDER BY created_at DESC, id DESC""";

	private final JdbcClient jdbc;

	private final CountCap countCap;

	JdbcTicketRepository(JdbcClient jdbc, CountCap countCap) {
		this.jdbc = jdbc;
		this.countCap = countCap;
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

	/**
	 * One statement that counts the matches up to one past the count's bound and reads
	 * the page. The bound is written into the SQL, not bound as a parameter: with a
	 * parameter a generic plan guesses a tenth of the rows and walks created_at order
	 * filtering by text instead of using the trigram indexes.
	 */
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
		String text = query.text();
		if (text != null && hasTrigram(text)) {
			where.append(" AND (title ILIKE ? ESCAPE '\\' OR venue ILIKE ? ESCAPE '\\')");
			params.add(containing(text));
			params.add(containing(text));
		}
		else if (text != null) {
			// No trigram to look up. The same match as ILIKE's (which lowers both sides)
			// through no operator the trigram indexes serve: the planner then filters
			// listings in created_at order instead of reading those indexes whole.
			where.append(" AND (strpos(lower(title), lower(?)) > 0 OR strpos(lower(venue), lower(?)) > 0)");
			params.add(text);
			params.add(text);
		}
		long bound = query.page().countBound(this.countCap.listings());
		List<Object> allParams = new ArrayList<>(params);
		if (text == null) {
			// BROWSE filters twice.
			allParams.addAll(params);
		}
		allParams.add(query.page().size());
		allParams.add(query.page().offset());
		String sql = ((text == null) ? BROWSE : SEARCH).formatted(where, bound + 1, COLUMNS);
		return this.jdbc.sql(sql).params(allParams).query((ResultSet rs) -> {
			List<Ticket> items = new ArrayList<>();
			long counted = 0;
			while (rs.next()) {
				counted = rs.getLong("counted");
				if (rs.getObject("id") != null) {
					items.add(ticket(rs, items.size()));
				}
			}
			return PageResponse.bounded(items, query.page(), counted, bound);
		});
	}

	/**
	 * Whether pg_trgm finds a trigram in {@code text} to look up: it splits text into
	 * words of letters and digits, and a word of three makes one. A word of one or two
	 * next to another character may make one too; such texts are scanned anyway.
	 */
	static boolean hasTrigram(String text) {
		int run = 0;
		for (int i = 0; i < text.length(); i = text.offsetByCodePoints(i, 1)) {
			run = Character.isLetterOrDigit(text.codePointAt(i)) ? run + 1 : 0;
			if (run == 3) {
				return true;
			}
		}
		return false;
	}

	/**
	 * An ILIKE pattern matching {@code text} anywhere, its {@code %}, {@code _} and
	 * {@code \} literal.
	 */
	static String containing(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
