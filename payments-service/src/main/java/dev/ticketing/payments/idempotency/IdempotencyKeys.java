package dev.ticketing.payments.idempotency;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payments.PaymentsProperties;

/**
 * {@code Idempotency-Key}s (table {@code idempotency_keys}), scoped to the user who sent
 * them. A request claims its key first thing in its transaction: the insert of a
 * concurrent request with the same key waits for that transaction, then finds the
 * response it stored. A transaction that rolls back (a refusal such as 409, a provider
 * outage) takes its claim with it, so the retry is decided afresh.
 */
@Repository
public class IdempotencyKeys {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final JdbcClient jdbc;

	private final PaymentsProperties properties;

	IdempotencyKeys(JdbcClient jdbc, PaymentsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Claims a key for this transaction.
	 * @return empty if the key is new and now claimed; the first response if it was used
	 * for the same request before
	 * @throws IdempotencyKeyReusedException if it was used for a different request
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<StoredResponse> claim(UUID userId, String key, String requestHash, Instant now) {
		int claimed = this.jdbc.sql("""
				INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (user_id, key) DO NOTHING""")
			.params(userId, key, requestHash, Timestamp.from(now))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql(
				"SELECT request_hash, response_status, response_body FROM idempotency_keys WHERE user_id = ? AND key = ?")
			.params(userId, key)
			.query((rs, row) -> {
				if (!rs.getString("request_hash").equals(requestHash)) {
					throw new IdempotencyKeyReusedException();
				}
				return new StoredResponse(rs.getInt("response_status"), rs.getString("response_body"));
			})
			.single());
	}

	/** Stores the response of a claimed key, in the transaction that claimed it. */
	@Transactional(propagation = Propagation.MANDATORY)
	public void complete(UUID userId, String key, StoredResponse response) {
		this.jdbc
			.sql("UPDATE idempotency_keys SET response_status = ?, response_body = ? WHERE user_id = ? AND key = ?")
			.params(response.status(), response.body(), userId, key)
			.update();
	}

	/**
	 * Forgets keys older than {@code ticketing.payments.idempotency-key-retention} (24
	 * hours by default, as Stripe does): after that a key may be used afresh.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@Transactional
	public void purge() {
		int purged = this.jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
			.param(Timestamp.from(Instant.now().minus(this.properties.idempotencyKeyRetention())))
			.update();
		if (purged > 0) {
			logger.debug("Forgot {} idempotency keys", purged);
		}
	}

}
