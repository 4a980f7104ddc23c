package dev.ticketing.common.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox in PostgreSQL (table {@code messaging.outbox}, see {@link MessagingSchema}).
 */
class JdbcOutboxStore implements OutboxStore {

	private final JdbcClient jdbc;

	public JdbcOutboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void add(OutboxMessage message, Instant occurredAt) {
		this.jdbc
			.sql("INSERT INTO messaging.outbox (id, subject, body, occurred_at, traceparent) VALUES (?, ?, ?, ?, ?)")
			.params(message.id(), message.subject(), message.body(), Timestamp.from(occurredAt), message.traceparent())
			.update();
	}

	@Override
	public List<OutboxMessage> claimUnsent(int limit) {
		return this.jdbc.sql("""
				SELECT id, subject, body, traceparent FROM messaging.outbox
				WHERE sent_at IS NULL
				ORDER BY position
				LIMIT ?
				FOR UPDATE SKIP LOCKED""")
			.param(limit)
			.query((rs, row) -> new OutboxMessage(rs.getObject("id", UUID.class), rs.getString("subject"),
					rs.getString("body"), rs.getString("traceparent")))
			.list();
	}

	@Override
	public void markSent(Collection<OutboxMessage> messages, Instant sentAt) {
		if (messages.isEmpty()) {
			return;
		}
		UUID[] ids = messages.stream().map(OutboxMessage::id).toArray(UUID[]::new);
		this.jdbc.sql("UPDATE messaging.outbox SET sent_at = ? WHERE id = ANY(?)")
			.params(Timestamp.from(sentAt), ids)
			.update();
	}

	@Override
	public int purgeSentBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM messaging.outbox WHERE sent_at < ?").param(Timestamp.from(cutoff)).update();
	}

	@Override
	public long countUnsent() {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL").query(Long.class).single();
	}

	@Override
	public Optional<Instant> oldestUnsentAt() {
		// The first unsent row by position, through the partial index the relay claims
		// by.
		return this.jdbc.sql("""
				SELECT occurred_at FROM messaging.outbox
				WHERE sent_at IS NULL
				ORDER BY position
				LIMIT 1""").query((rs, row) -> rs.getTimestamp("occurred_at").toInstant()).optional();
	}

}
