package dev.ticketing.payments;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code ticketing.payments.*}.
 *
 * @param provider which payment provider charges orders ({@code PAYMENTS_PROVIDER}:
 * {@code simulated}, the default, or {@code stripe})
 * @param idempotencyKeyRetention how long an {@code Idempotency-Key}'s first response is
 * kept for replay
 * @param stripe the Stripe provider's settings, required when it is the provider
 * @param simulated the simulated provider's settings
 * @param payout escrow, fees and seller payouts
 */
@ConfigurationProperties("ticketing.payments")
@Validated
public record PaymentsProperties(@DefaultValue("simulated") @NotNull Provider provider,
		@DefaultValue("PT24H") @NotNull Duration idempotencyKeyRetention, @DefaultValue @Valid Stripe stripe,
		@DefaultValue @Valid Simulated simulated, @DefaultValue @Valid Payout payout) {

	public PaymentsProperties {
		if (idempotencyKeyRetention != null
				&& (idempotencyKeyRetention.isNegative() || idempotencyKeyRetention.isZero())) {
			throw new IllegalArgumentException(
					"ticketing.payments.idempotency-key-retention must be positive, was " + idempotencyKeyRetention);
		}
		if (provider == Provider.STRIPE && stripe != null) {
			if (isBlank(stripe.secretKey())) {
				throw new IllegalArgumentException(
						"ticketing.payments.provider is stripe but no Stripe secret key is set (STRIPE_SECRET_KEY)");
			}
			if (isBlank(stripe.webhookSecret())) {
				throw new IllegalArgumentException(
						"ticketing.payments.provider is stripe but no webhook endpoint secret is set (STRIPE_WEBHOOK_SECRET)");
			}
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * The payment providers.
	 */
	public enum Provider {

		/** No network: Stripe's test payment methods succeed or decline. */
		SIMULATED,

		/** Stripe's PaymentIntents and Refunds APIs. */
		STRIPE

	}

	/**
	 * {@code ticketing.payments.stripe.*}.
	 *
	 * @param secretKey the API secret key ({@code STRIPE_SECRET_KEY})
	 * @param webhookSecret the webhook endpoint's signing secret
	 * ({@code STRIPE_WEBHOOK_SECRET}, {@code whsec_...})
	 * @param apiBase where Stripe's API is ({@code STRIPE_API_BASE}; tests point it at a
	 * local stub)
	 * @param connectTimeout the connect timeout of each API call
	 * @param readTimeout the read timeout of each API call
	 * @param maxNetworkRetries how often stripe-java retries a failed call (with the same
	 * idempotency key)
	 * @param webhookTolerance how old a signed webhook may be
	 */
	public record Stripe(String secretKey, String webhookSecret,
			@DefaultValue("https://api.stripe.com") @NotNull URI apiBase,
			@DefaultValue("5s") @NotNull Duration connectTimeout, @DefaultValue("20s") @NotNull Duration readTimeout,
			@DefaultValue("2") @Min(0) @Max(10) int maxNetworkRetries,
			@DefaultValue("5m") @NotNull Duration webhookTolerance) {

		public Stripe {
			// Zero would turn stripe-java's check of a webhook's age off.
			if (webhookTolerance != null && (webhookTolerance.isNegative() || webhookTolerance.isZero())) {
				throw new IllegalArgumentException(
						"ticketing.payments.stripe.webhook-tolerance must be positive, was " + webhookTolerance);
			}
		}

	}

	/**
	 * {@code ticketing.payments.simulated.*}.
	 *
	 * @param latency how long each simulated charge takes, as a real provider's network
	 * call does ({@code PAYMENTS_SIMULATED_LATENCY}, ISO-8601; 0 to 30 s, default none).
	 * Lets a demo show the payment in progress, and lets a test of the running system
	 * cancel an order while its charge is in flight.
	 */
	public record Simulated(@DefaultValue("PT0S") @NotNull Duration latency) {

		public Simulated {
			if (latency != null && (latency.isNegative() || latency.compareTo(Duration.ofSeconds(30)) > 0)) {
				throw new IllegalArgumentException(
						"ticketing.payments.simulated.latency must be between 0 and 30 seconds, was " + latency);
			}
		}

	}

	/**
	 * {@code ticketing.payments.payout.*}: escrow, the platform fee and seller payouts
	 * (DESIGN §2, "Money").
	 *
	 * @param delay how long after the event an order's money is released to its seller
	 * ({@code PAYMENTS_PAYOUT_DELAY}, ISO-8601, default 48 hours; 0 to 365 days)
	 * @param feeBps the platform fee in basis points of the order's amount
	 * ({@code PAYMENTS_FEE_BPS}, 0 to 10000, default 500 = 5 %), rounded half up to the
	 * minor unit
	 * @param minimum the smallest available balance paid out, in minor units
	 * ({@code PAYMENTS_PAYOUT_MINIMUM}, at least 1, default 100)
	 * @param interval how often due releases and payouts are looked for
	 * @param batchSize how many releases or payouts one run of a job takes at most
	 * @param lease how long a payout claimed for sending is left to the instance that
	 * claimed it; after that (it stopped mid-call) another instance sends it again with
	 * the same idempotency key
	 * @param minBackoff the wait before the first retry of a payout the provider gave no
	 * answer to or refused, doubled for each further attempt
	 * @param maxBackoff the longest wait between retries
	 */
	public record Payout(@DefaultValue("PT48H") @NotNull Duration delay,
			@DefaultValue("500") @Min(0) @Max(10_000) int feeBps, @DefaultValue("100") @Min(1) long minimum,
			@DefaultValue("PT5S") @NotNull Duration interval, @DefaultValue("100") @Min(1) @Max(1000) int batchSize,
			@DefaultValue("PT2M") @NotNull Duration lease, @DefaultValue("PT30S") @NotNull Duration minBackoff,
			@DefaultValue("PT6H") @NotNull Duration maxBackoff) {

		public Payout {
			if (delay != null && (delay.isNegative() || delay.compareTo(Duration.ofDays(365)) > 0)) {
				throw new IllegalArgumentException(
						"ticketing.payments.payout.delay (PAYMENTS_PAYOUT_DELAY) must be between 0 and 365 days, was "
								+ delay);
			}
			if (feeBps < 0 || feeBps > 10_000) {
				throw new IllegalArgumentException(
						"ticketing.payments.payout.fee-bps (PAYMENTS_FEE_BPS) must be between 0 and 10000, was "
								+ feeBps);
			}
			if (minimum < 1) {
				throw new IllegalArgumentException(
						"ticketing.payments.payout.minimum (PAYMENTS_PAYOUT_MINIMUM) must be at least 1, was "
								+ minimum);
			}
			requirePositive("interval", interval);
			requirePositive("lease", lease);
			requirePositive("min-backoff", minBackoff);
			requirePositive("max-backoff", maxBackoff);
			if (minBackoff != null && maxBackoff != null && maxBackoff.compareTo(minBackoff) < 0) {
				throw new IllegalArgumentException("ticketing.payments.payout.max-backoff (" + maxBackoff
						+ ") must not be shorter than min-backoff (" + minBackoff + ")");
			}
		}

		private static void requirePositive(String name, Duration value) {
			if (value != null && (value.isNegative() || value.isZero())) {
				throw new IllegalArgumentException(
						"ticketing.payments.payout." + name + " must be positive, was " + value);
			}
		}

	}

}
