package dev.ticketing.payments.endtoend;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import dev.ticketing.payments.provider.Charge;
import dev.ticketing.payments.provider.ChargeOutcome;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.Refund;

/**
 * The service's own payment provider (the simulated one, counted by
 * {@code MeteredPaymentProvider}) behind a gate that a test can close for one order: a
 * charge for that order waits at the gate before it reaches the provider, as a slow
 * provider would keep it waiting. Nothing of the service is replaced; every other call
 * goes straight through.
 */
final class GatedPaymentProvider implements PaymentProvider {

	/** How long a charge waits at a gate nobody opens before it gives up. */
	private static final Duration LONGEST_WAIT = Duration.ofMinutes(3);

	private final PaymentProvider provider;

	private final Map<UUID, Gate> gates = new ConcurrentHashMap<>();

	GatedPaymentProvider(PaymentProvider provider) {
		this.provider = provider;
	}

	/** Closes a gate in front of the provider for the charges of one order. */
	Gate closeFor(UUID orderId) {
		Gate gate = new Gate();
		this.gates.put(orderId, gate);
		return gate;
	}

	@Override
	public String name() {
		return this.provider.name();
	}

	@Override
	public ChargeOutcome charge(Charge charge) {
		Gate gate = this.gates.get(charge.orderId());
		if (gate != null) {
			gate.pass();
		}
		return this.provider.charge(charge);
	}

	@Override
	public void refund(Refund refund) {
		this.provider.refund(refund);
	}

	/**
	 * A closed gate: the first charge to reach it is held until the test opens it.
	 */
	static final class Gate {

		private final CountDownLatch entered = new CountDownLatch(1);

		private final CountDownLatch opened = new CountDownLatch(1);

		/** Whether a charge has reached the gate. */
		boolean entered() {
			return this.entered.getCount() == 0;
		}

		/** Lets the waiting charge (and every later one) through to the provider. */
		void open() {
			this.opened.countDown();
		}

		private void pass() {
			this.entered.countDown();
			try {
				if (!this.opened.await(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
					throw new IllegalStateException("Nobody opened the provider's gate within " + LONGEST_WAIT);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Puts the gate in front of the context's {@link PaymentProvider} bean.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class Installer {

		@Bean
		static BeanPostProcessor paymentProviderGate() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof PaymentProvider provider && !(bean instanceof GatedPaymentProvider))
							? new GatedPaymentProvider(provider) : bean;
				}

			};
		}

	}

}
