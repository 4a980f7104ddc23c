package dev.ticketing.tickets.pass;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * Passes in PostgreSQL. The table's constraints back the rules: one pass per listing and
 * per order, and at most one valid or listed pass per resale chain.
 */
@Repository
class JdbcPassRepository implements PassRepository {

	private static final String COLUMNS = """
			id, ticket_id, origin_id, holder_id, order_id, status, code, resale_id, void_reason, issued_at,
			checked_in_at, voided_at, updated_at""";

	private final JdbcClient jdbc;

	JdbcPassRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void insert(Pass pass) {
		this.jdbc.sql("INSERT INTO passes (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(pass.id(), pass.ticketId(), pass.originId(), pass.holderId(), pass.orderId(), pass.status().value(),
					pass.code(), pass.resaleId(), value(pass.voidReason()), timestamp(pass.issuedAt()),
					timestamp(pass.checkedInAt()), timestamp(pass.voidedAt()), timestamp(pass.updatedAt()))
			.update();
	}

	@Override
	public void update(Pass pass) {
		int updated = this.jdbc.sql("""
				UPDATE passes SET status = ?, resale_id = ?, void_reason = ?, checked_in_at = ?, voided_at = ?,
				updated_at = ? WHERE id = ?""")
			.params(pass.status().value(), pass.resaleId(), value(pass.voidReason()), timestamp(pass.checkedInAt()),
					timestamp(pass.voidedAt()), timestamp(pass.updatedAt()), pass.id())
			.update();
		if (updated != 1) {
			throw new OptimisticLockingFailureException("Pass " + pass.id() + " is gone");
		}
	}

	@Override
	public Optional<Pass> find(UUID id) {
		return one("SELECT " + COLUMNS + " FROM passes WHERE id = ?", id);
	}

	@Override
	public Optional<Pass> findByTicketForUpdate(UUID ticketId) {
		return one("SELECT " + COLUMNS + " FROM passes WHERE ticket_id = ? FOR UPDATE", ticketId);
	}

	@Override
	public Optional<Pass> findByOrder(UUID orderId) {
		return one("SELECT " + COLUMNS + " FROM passes WHERE order_id = ?", orderId);
	}

	@Override
	public Optional<Pass> findByOrderForUpdate(UUID orderId) {
		return one("SELECT " + COLUMNS + " FROM passes WHERE order_id = ? FOR UPDATE", orderId);
	}

	@Override
	public Optional<Pass> findByTicket(UUID ticketId) {
		return one("SELECT " + COLUMNS + " FROM passes WHERE ticket_id = ?", ticketId);
	}

	@Override
	public Optional<Pass> checkIn(UUID id, UUID ticketId, Instant now) {
		return this.jdbc
			.sql("UPDATE passes SET status = 'used', checked_in_at = ?, updated_at = ? "
					+ "WHERE id = ? AND ticket_id = ? AND status = 'valid' RETURNING " + COLUMNS)
			.params(timestamp(now), timestamp(now), id, ticketId)
			.query(JdbcPassRepository::pass)
			.optional();
	}

	@Override
	public PageResponse<Pass> heldBy(UUID holderId, PageQuery page) {
		long total = this.jdbc.sql("SELECT count(*) FROM passes WHERE holder_id = ?")
			.param(holderId)
			.query(Long.class)
			.single();
		List<Pass> items = this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM passes WHERE holder_id = ? ORDER BY issued_at DESC, id DESC LIMIT ? OFFSET ?")
			.params(holderId, page.size(), page.offset())
			.query(JdbcPassRepository::pass)
			.list();
		return PageResponse.of(items, page, total);
	}

	@Override
	public boolean recordRefund(UUID orderId, Instant now) {
		return this.jdbc.sql("INSERT INTO refunded_orders (order_id, refunded_at) VALUES (?, ?) ON CONFLICT DO NOTHING")
			.params(orderId, timestamp(now))
			.update() == 1;
	}

	@Override
	public boolean isRefunded(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM refunded_orders WHERE order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single() > 0;
	}

	private Optional<Pass> one(String sql, UUID id) {
		return this.jdbc.sql(sql).param(id).query(JdbcPassRepository::pass).optional();
	}

	private static Pass pass(ResultSet rs, int row) throws SQLException {
		String reason = rs.getString("void_reason");
		return new Pass(rs.getObject("id", UUID.class), rs.getObject("ticket_id", UUID.class),
				rs.getObject("origin_id", UUID.class), rs.getObject("holder_id", UUID.class),
				rs.getObject("order_id", UUID.class), PassStatus.fromValue(rs.getString("status")).orElseThrow(),
				rs.getString("code"), rs.getObject("resale_id", UUID.class),
				(reason != null) ? VoidReason.fromValue(reason).orElseThrow() : null,
				rs.getTimestamp("issued_at").toInstant(), instant(rs.getTimestamp("checked_in_at")),
				instant(rs.getTimestamp("voided_at")), rs.getTimestamp("updated_at").toInstant());
	}

	private static @Nullable String value(@Nullable VoidReason reason) {
		return (reason != null) ? reason.value() : null;
	}

	private static @Nullable Timestamp timestamp(@Nullable Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
