package dev.ticketing.payments;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code ticketing.payments.*} binds with its defaults and refuses a Stripe provider
 * without its secrets at start-up.
 */
class PaymentsPropertiesTests {

	@Test
	void defaultsToTheSimulatedProvider() {
		PaymentsProperties properties = bind(Map.of());

		assertThat(properties.provider()).isEqualTo(PaymentsProperties.Provider.SIMULATED);
		assertThat(properties.idempotencyKeyRetention()).hasHours(24);
		assertThat(properties.stripe().apiBase()).hasToString("https://api.stripe.com");
		assertThat(properties.simulated().latency()).isZero();
	}

	@Test
	void defaultsToPayingOutTwoDaysAfterTheEventLessFivePercent() {
		PaymentsProperties.Payout payout = bind(Map.of()).payout();

		assertThat(payout.delay()).hasHours(48);
		assertThat(payout.feeBps()).isEqualTo(500);
		assertThat(payout.minimum()).isEqualTo(100);
	}

	@Test
	void bindsThePayoutSettings() {
		PaymentsProperties.Payout payout = bind(Map.of("ticketing.payments.payout.delay", "PT10M",
				"ticketing.payments.payout.fee-bps", "0", "ticketing.payments.payout.minimum", "1"))
			.payout();

		assertThat(payout.delay()).hasMinutes(10);
		assertThat(payout.feeBps()).isZero();
		assertThat(payout.minimum()).isEqualTo(1);
	}

	@Test
	void refusesPayoutSettingsOutOfRangeNamingThem() {
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.delay", "-PT1S"))).rootCause()
			.hasMessageContaining("PAYMENTS_PAYOUT_DELAY");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.delay", "P366D"))).rootCause()
			.hasMessageContaining("PAYMENTS_PAYOUT_DELAY");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.fee-bps", "10001"))).rootCause()
			.hasMessageContaining("PAYMENTS_FEE_BPS");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.fee-bps", "-1"))).rootCause()
			.hasMessageContaining("PAYMENTS_FEE_BPS");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.minimum", "0"))).rootCause()
			.hasMessageContaining("PAYMENTS_PAYOUT_MINIMUM");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.payout.min-backoff", "PT1M",
				"ticketing.payments.payout.max-backoff", "PT10S")))
			.rootCause()
			.hasMessageContaining("max-backoff");
	}

	@Test
	void bindsASimulatedLatencyAndRefusesANegativeOrHugeOne() {
		assertThat(bind(Map.of("ticketing.payments.simulated.latency", "PT1.5S")).simulated().latency())
			.hasMillis(1500);
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.simulated.latency", "-1s")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("between 0 and 30 seconds");
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.simulated.latency", "31s")))
			.isInstanceOf(BindException.class);
	}

	@Test
	void bindsTheStripeProviderWithItsSecrets() {
		PaymentsProperties properties = bind(
				Map.of("ticketing.payments.provider", "stripe", "ticketing.payments.stripe.secret-key", "sk_test_123",
						"ticketing.payments.stripe.webhook-secret", "whsec_123"));

		assertThat(properties.provider()).isEqualTo(PaymentsProperties.Provider.STRIPE);
	}

	@Test
	void refusesStripeWithoutASecretKey() {
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.provider", "stripe",
				"ticketing.payments.stripe.webhook-secret", "whsec_123")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("STRIPE_SECRET_KEY");
	}

	@Test
	void refusesStripeWithoutAWebhookSecret() {
		assertThatThrownBy(() -> bind(
				Map.of("ticketing.payments.provider", "stripe", "ticketing.payments.stripe.secret-key", "sk_test_123")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("STRIPE_WEBHOOK_SECRET");
	}

	@Test
	void refusesAnUnknownProviderAndANonPositiveRetention() {
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.provider", "paypal")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.idempotency-key-retention", "0s")))
			.isInstanceOf(BindException.class);
		assertThatThrownBy(() -> bind(Map.of("ticketing.payments.stripe.webhook-tolerance", "0s")))
			.isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("webhook-tolerance");
	}

	private static PaymentsProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("ticketing.payments",
				PaymentsProperties.class);
	}

}
