package dev.ticketing.payments.payout;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The simulated payout provider with faults a test can ask for: calls that get no answer
 * (a {@link PayoutProviderException}, as a timeout gives), or a sender that dies after it
 * claimed a payout and before the provider answered (any other exception, which leaves
 * the payout as a crash would: claimed, not recorded).
 */
final class ControllablePayouts implements PayoutProvider {

	static final AtomicInteger unanswered = new AtomicInteger();

	static final AtomicInteger dying = new AtomicInteger();

	/** The only reference the faults apply to: other sellers' payouts go through. */
	static volatile String target = "";

	private final PayoutProvider delegate;

	private ControllablePayouts(PayoutProvider delegate) {
		this.delegate = delegate;
	}

	static void reset() {
		unanswered.set(0);
		dying.set(0);
		target = "";
	}

	@Override
	public String method() {
		return this.delegate.method();
	}

	@Override
	public PayoutOutcome pay(PayoutInstruction instruction) {
		if (!instruction.reference().equals(target)) {
			return this.delegate.pay(instruction);
		}
		if (dying.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			throw new IllegalStateException("The sender died before the provider answered");
		}
		if (unanswered.getAndUpdate((n) -> Math.max(0, n - 1)) > 0) {
			// The provider did send it, but the answer is lost: a retry must not send
			// again.
			this.delegate.pay(instruction);
			throw new PayoutProviderException("Read timed out", null);
		}
		return this.delegate.pay(instruction);
	}

	@Override
	public boolean reverse(PayoutReversal reversal) {
		return this.delegate.reverse(reversal);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Installer {

		@Bean
		static BeanPostProcessor controllablePayouts() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String name) {
					return (bean instanceof SimulatedPayoutProvider simulated) ? new ControllablePayouts(simulated)
							: bean;
				}
			};
		}

	}

}
