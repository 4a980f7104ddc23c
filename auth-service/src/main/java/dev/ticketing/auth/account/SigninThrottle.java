package dev.ticketing.auth.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import dev.ticketing.auth.config.AuthProperties;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sign-in rate limits (see {@link AuthProperties.SigninLimits}), kept as Bucket4j token
 * buckets in PostgreSQL so that every instance of the service shares them. Account keys
 * are SHA-256 hashes of the lower-cased email, so unknown emails typed by strangers are
 * not stored. Buckets refill by the service's {@link Clock}.
 */
@Component
class SigninThrottle {

	private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

	private final BucketConfiguration perAddress;

	private final BucketConfiguration perAccountAndAddress;

	private final BucketConfiguration perAccount;

	SigninThrottle(DataSource dataSource, AuthProperties properties, Clock clock) {
		this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
			.clientClock(new ClockTimeMeter(clock))
			.primaryKeyMapper(PrimaryKeyMapper.STRING)
			.table("signin_buckets")
			.idColumn("id")
			.stateColumn("state")
			.expiresAtColumn("expires_at")
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
		AuthProperties.SigninLimits limits = properties.signinLimits();
		this.perAddress = configuration(limits.perAddress());
		this.perAccountAndAddress = configuration(limits.perAccountAndAddress());
		this.perAccount = configuration(limits.perAccount());
	}

	/**
	 * Counts an attempt from this address and refuses it when any limit is exhausted.
	 * @throws TooManyAttemptsException with the time until an attempt is possible again
	 */
	void admit(String email, String address) {
		ConsumptionProbe byAddress = bucket("address:" + address, this.perAddress).tryConsumeAndReturnRemaining(1);
		if (!byAddress.isConsumed()) {
			throw new TooManyAttemptsException(Duration.ofNanos(byAddress.getNanosToWaitForRefill()));
		}
		String account = accountKey(email);
		EstimationProbe pair = bucket(pairKey(account, address), this.perAccountAndAddress).estimateAbilityToConsume(1);
		EstimationProbe any = bucket("account:" + account, this.perAccount).estimateAbilityToConsume(1);
		if (!pair.canBeConsumed() || !any.canBeConsumed()) {
			long wait = Math.max(pair.getNanosToWaitForRefill(), any.getNanosToWaitForRefill());
			throw new TooManyAttemptsException(Duration.ofNanos(wait));
		}
	}

	/** Records a failed attempt against the account. */
	void failed(String email, String address) {
		String account = accountKey(email);
		bucket(pairKey(account, address), this.perAccountAndAddress).tryConsume(1);
		bucket("account:" + account, this.perAccount).tryConsume(1);
	}

	/** A successful sign-in forgives that address's earlier typos on the account. */
	void succeeded(String email, String address) {
		bucket(pairKey(accountKey(email), address), this.perAccountAndAddress).reset();
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void removeExpiredBuckets() {
		while (this.buckets.removeExpired(1000) == 1000) {
			// keep going until a batch comes back short
		}
	}

	private BucketProxy bucket(String key, BucketConfiguration configuration) {
		return this.buckets.builder().build(key, () -> configuration);
	}

	private static String pairKey(String account, String address) {
		return "account-address:" + account + ":" + address;
	}

	private static BucketConfiguration configuration(AuthProperties.Limit limit) {
		return BucketConfiguration.builder()
			.addLimit(
					(bandwidth) -> bandwidth.capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.window()))
			.build();
	}

	/** Bucket4j's time source, read from the service's clock. */
	private record ClockTimeMeter(Clock clock) implements TimeMeter {

		@Override
		public long currentTimeNanos() {
			Instant now = this.clock.instant();
			return TimeUnit.SECONDS.toNanos(now.getEpochSecond()) + now.getNano();
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

	private static String accountKey(String email) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest(email.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
