package dev.ticketing.payments.stripe;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The provider's webhook events already handled (table {@code provider_events}). An event
 * is claimed in the transaction that applies it: a redelivery waits for that transaction
 * and then finds it taken, and a transaction that rolls back takes its claim with it, so
 * the provider's next delivery is applied afresh.
 */
@Repository
class ProviderEvents {

	private final JdbcClient jdbc;

	ProviderEvents(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Claims an event: whether it is new (and now taken by this transaction). */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean claim(String id, String type, Instant receivedAt) {
		return this.jdbc
			.sql("INSERT INTO provider_events (id, type, received_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING")
			.params(id, type, Timestamp.from(receivedAt))
			.update() == 1;
	}

}
