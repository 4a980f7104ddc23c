package dev.ticketing.payments.provider;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * What the provider is asked is counted by outcome, and a charge waiting for its answer
 * is seen in flight until the answer comes.
 */
class MeteredPaymentProviderTests {

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	// Not the common pool: on two cores it runs one task at a time.
	private final ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor();

	@AfterEach
	void stopCallers() {
		this.callers.close();
	}

	private static Charge charge(String paymentMethod) {
		return new Charge(UUID.randomUUID().toString(), UUID.randomUUID(), UUID.randomUUID(), 1250, "USD",
				paymentMethod);
	}

	private double inFlight() {
		return this.registry.get("ticketing.payments.charges.in.flight").tag("provider", "simulated").gauge().value();
	}

	private double charges(String outcome) {
		return this.registry.get("ticketing.payments.charges").tag("outcome", outcome).counter().count();
	}

	@Test
	void countsAChargeInFlightUntilTheProviderAnswers() throws Exception {
		CountDownLatch answer = new CountDownLatch(1);
		SimulatedPaymentProvider gated = new SimulatedPaymentProvider(Duration.ofSeconds(1),
				(duration) -> assertThat(answer.await(30, TimeUnit.SECONDS)).isTrue());
		MeteredPaymentProvider provider = new MeteredPaymentProvider(gated, this.registry);
		assertThat(inFlight()).isZero();

		CompletableFuture<ChargeOutcome> first = CompletableFuture
			.supplyAsync(() -> provider.charge(charge("pm_card_visa")), this.callers);
		CompletableFuture<ChargeOutcome> second = CompletableFuture
			.supplyAsync(() -> provider.charge(charge("pm_card_chargeDeclined")), this.callers);
		await().atMost(10, TimeUnit.SECONDS).until(() -> inFlight() == 2);
		answer.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(ChargeOutcome.Succeeded.class);
		assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(ChargeOutcome.Declined.class);
		assertThat(inFlight()).isZero();
		assertThat(charges("succeeded")).isEqualTo(1);
		assertThat(charges("declined")).isEqualTo(1);
	}

	@Test
	void leavesNoChargeInFlightWhenTheProviderFails() {
		MeteredPaymentProvider provider = new MeteredPaymentProvider(new SimulatedPaymentProvider(), this.registry);

		assertThatThrownBy(() -> provider.charge(charge("pm_card_amex")))
			.isInstanceOf(UnknownPaymentMethodException.class);

		assertThat(inFlight()).isZero();
		assertThat(charges("rejected")).isEqualTo(1);
	}

}
