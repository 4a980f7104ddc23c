package dev.ticketing.payments.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The simulated provider answers as Stripe's test mode does and takes as long as it is
 * told to.
 */
class SimulatedPaymentProviderTests {

	private final List<Duration> pauses = new ArrayList<>();

	private Charge charge(String paymentMethod, String key) {
		return new Charge(key, UUID.randomUUID(), UUID.randomUUID(), 1250, "USD", paymentMethod);
	}

	@Test
	void succeedsDeclinesAndRefusesAsStripesTestMethodsDo() {
		SimulatedPaymentProvider provider = new SimulatedPaymentProvider();

		assertThat(provider.charge(charge("pm_card_visa", "k1"))).isInstanceOf(ChargeOutcome.Succeeded.class);
		assertThat(provider.charge(charge("tok_chargeDeclined", "k2"))).isInstanceOf(ChargeOutcome.Declined.class);
		assertThatThrownBy(() -> provider.charge(charge("pm_card_amex", "k3")))
			.isInstanceOf(UnknownPaymentMethodException.class);
	}

	@Test
	void answersARetryWithTheSamePaymentId() {
		SimulatedPaymentProvider provider = new SimulatedPaymentProvider();

		assertThat(provider.charge(charge("pm_card_visa", "same")))
			.isEqualTo(provider.charge(charge("tok_visa", "same")))
			.isNotEqualTo(provider.charge(charge("pm_card_visa", "other")));
	}

	@Test
	void takesTheConfiguredLatencyBeforeEachCharge() {
		SimulatedPaymentProvider provider = new SimulatedPaymentProvider(Duration.ofMillis(1500), this.pauses::add);

		provider.charge(charge("pm_card_visa", "k1"));
		provider.charge(charge("pm_card_chargeDeclined", "k2"));

		assertThat(this.pauses).containsExactly(Duration.ofMillis(1500), Duration.ofMillis(1500));
	}

	@Test
	void doesNotPauseWithoutLatency() {
		new SimulatedPaymentProvider(Duration.ZERO, this.pauses::add).charge(charge("pm_card_visa", "k1"));

		assertThat(this.pauses).isEmpty();
	}

	@Test
	void reportsAnInterruptedChargeAsUnansweredAndKeepsTheInterrupt() {
		SimulatedPaymentProvider provider = new SimulatedPaymentProvider(Duration.ofSeconds(1), (duration) -> {
			throw new InterruptedException();
		});

		try {
			assertThatThrownBy(() -> provider.charge(charge("pm_card_visa", "k1")))
				.isInstanceOf(PaymentProviderException.class);
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

}
