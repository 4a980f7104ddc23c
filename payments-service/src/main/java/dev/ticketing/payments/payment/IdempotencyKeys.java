package dev.ticketing.payments.payment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.payments.PaymentsProperties;

/**
 * {@code Idempotency-Key}s of payment requests (table {@code idempotency_keys}), scoped
 * to the user who sent them, each with the first outcome it got: the payment it took or
 * the provider's decline. A request claims its key first thing in its transaction: the
 * insert of a concurrent request with the same key waits for that transaction, then finds
 * the outcome it stored. A transaction that rolls back (a refusal such as 409, a provider
 * outage) takes its claim with it, so the retry is decided afresh.
 */
@Repository
class IdempotencyKeys {

	private static final Logger logger = LoggerFactory.getLogger(IdempotencyKeys.class);

	private final JdbcClient jdbc;

	private final PaymentsProperties properties;

	IdempotencyKeys(JdbcClient jdbc, PaymentsProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Claims a key for this transaction.
	 * @return empty if the key is new and now claimed; its first outcome if it was used
	 * for the same request before
	 * @throws IdempotencyKeyReusedException if it was used for a different request
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Optional<FirstOutcome> claim(UUID userId, String key, String requestHash, Instant now) {
		int claimed = this.jdbc.sql("""
				INSERT INTO idempotency_keys (user_id, key, request_hash, created_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (user_id, key) DO NOTHING""")
			.params(userId, key, requestHash, Timestamp.from(now))
			.update();
		if (claimed == 1) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT request_hash, payment_id, decline_message FROM idempotency_keys
				WHERE user_id = ? AND key = ?""").params(userId, key).query((rs, row) -> {
			if (!rs.getString("request_hash").equals(requestHash)) {
				throw new IdempotencyKeyReusedException();
			}
			return firstOutcome(rs);
		}).single());
	}

	/** Stores the outcome of a claimed key, in the transaction that claimed it. */
	@Transactional(propagation = Propagation.MANDATORY)
	void complete(UUID userId, String key, PaymentOutcome outcome) {
		FirstOutcome first = switch (outcome) {
			case PaymentOutcome.Paid paid -> new FirstOutcome(paid.payment().id(), null);
			case PaymentOutcome.Declined declined -> new FirstOutcome(null, declined.message());
		};
		this.jdbc.sql("""
				UPDATE idempotency_keys SET outcome = ?, payment_id = ?, decline_message = ?
				WHERE user_id = ? AND key = ?""")
			.params((first.paymentId() != null) ? "paid" : "declined", first.paymentId(), first.declineMessage(),
					userId, key)
			.update();
	}

	/**
	 * Forgets keys older than {@code ticketing.payments.idempotency-key-retention} (24
	 * hours by default, as Stripe does): after that a key may be used afresh.
	 */
	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	@Transactional
	void purge() {
		int purged = this.jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < ?")
			.param(Timestamp.from(Instant.now().minus(this.properties.idempotencyKeyRetention())))
			.update();
		if (purged > 0) {
			logger.debug("Forgot {} idempotency keys", purged);
		}
	}

	private static FirstOutcome firstOutcome(ResultSet rs) throws SQLException {
		UUID paymentId = rs.getObject("payment_id", UUID.class);
		String declineMessage = rs.getString("decline_message");
		if (paymentId == null && declineMessage == null) {
			// Claim and outcome commit together, so a committed claim always has one.
			throw new IllegalStateException("An Idempotency-Key was claimed without an outcome");
		}
		return new FirstOutcome(paymentId, declineMessage);
	}

	/**
	 * A key's first outcome as stored: the payment it took, or the decline's message.
	 *
	 * @param paymentId the payment, {@code null} for a decline
	 * @param declineMessage the decline's message, {@code null} for a payment
	 */
	record FirstOutcome(@Nullable UUID paymentId, @Nullable String declineMessage) {

	}

}
