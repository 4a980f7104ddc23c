package dev.ticketing.common.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox in PostgreSQL (table {@code messaging.processed_messages}, see
 * {@link MessagingSchema}). A concurrent second delivery of the same event waits on the
 * primary key until the first transaction ends, then finds the row and skips.
 */
class JdbcInbox implements Inbox {

	private final JdbcClient jdbc;

	public JdbcInbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean record(String consumer, UUID eventId, String subject) {
		return this.jdbc.sql("""
				INSERT INTO messaging.processed_messages (consumer, event_id, subject) VALUES (?, ?, ?)
				ON CONFLICT (consumer, event_id) DO NOTHING""").params(consumer, eventId, subject).update() == 1;
	}

	@Override
	public int purgeBefore(Instant cutoff) {
		return this.jdbc.sql("DELETE FROM messaging.processed_messages WHERE processed_at < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

}
