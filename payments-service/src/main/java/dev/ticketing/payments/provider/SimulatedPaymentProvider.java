package dev.ticketing.payments.provider;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * The provider of development and tests: no network, no money. Stripe's test payment
 * methods behave as they do in Stripe's test mode: {@code pm_card_visa} and
 * {@code tok_visa} succeed, {@code pm_card_chargeDeclined} and {@code tok_chargeDeclined}
 * are declined. Like Stripe, a retry with the same idempotency key answers with the same
 * payment id. Each charge can be made to take as long as a real provider's call.
 */
public class SimulatedPaymentProvider implements PaymentProvider {

	/** Waits, as a network call would. */
	@FunctionalInterface
	public interface Pause {

		void pause(Duration duration) throws InterruptedException;

	}

	/** The test payment methods that succeed. */
	public static final Set<String> SUCCEEDING = Set.of("pm_card_visa", "tok_visa");

	/** The test payment methods that are declined. */
	public static final Set<String> DECLINED = Set.of("pm_card_chargeDeclined", "tok_chargeDeclined");

	private final Duration latency;

	private final Pause pause;

	public SimulatedPaymentProvider() {
		this(Duration.ZERO, (duration) -> {
		});
	}

	public SimulatedPaymentProvider(Duration latency) {
		this(latency, (duration) -> Thread.sleep(duration));
	}

	SimulatedPaymentProvider(Duration latency, Pause pause) {
		this.latency = latency;
		this.pause = pause;
	}

	@Override
	public String name() {
		return "simulated";
	}

	@Override
	public ChargeOutcome charge(Charge charge) {
		if (!this.latency.isZero()) {
			try {
				this.pause.pause(this.latency);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new PaymentProviderException("the simulated charge was interrupted", ex);
			}
		}
		if (SUCCEEDING.contains(charge.paymentMethod())) {
			return new ChargeOutcome.Succeeded(
					"sim_" + UUID.nameUUIDFromBytes(charge.idempotencyKey().getBytes(StandardCharsets.UTF_8))
						.toString()
						.replace("-", ""));
		}
		if (DECLINED.contains(charge.paymentMethod())) {
			return new ChargeOutcome.Declined("Your card was declined.");
		}
		throw new UnknownPaymentMethodException();
	}

	@Override
	public void refund(Refund refund) {
		// Nothing to give back: no money was taken.
	}

}
