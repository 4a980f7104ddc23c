package dev.ticketing.payments.provider;

import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what a provider is asked to do: {@code ticketing.payments.charges} by
 * {@code outcome} ({@code succeeded}, {@code declined}, {@code rejected}, {@code failed})
 * and {@code ticketing.payments.refunds} by {@code outcome} ({@code succeeded},
 * {@code failed}), both tagged with the provider.
 * {@code ticketing.payments.charges.in.flight} is how many charges are waiting for the
 * provider's answer right now: a provider that hangs shows as a count that stays up.
 */
public class MeteredPaymentProvider implements PaymentProvider {

	private final PaymentProvider delegate;

	private final MeterRegistry registry;

	private final AtomicInteger inFlight = new AtomicInteger();

	public MeteredPaymentProvider(PaymentProvider delegate, MeterRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
		Gauge.builder("ticketing.payments.charges.in.flight", this.inFlight, AtomicInteger::get)
			.tag("provider", delegate.name())
			.description("Charges waiting for the payment provider's answer")
			.register(registry);
	}

	@Override
	public String name() {
		return this.delegate.name();
	}

	@Override
	public ChargeOutcome charge(Charge charge) {
		String outcome = "failed";
		this.inFlight.incrementAndGet();
		try {
			ChargeOutcome result = this.delegate.charge(charge);
			outcome = (result instanceof ChargeOutcome.Succeeded) ? "succeeded" : "declined";
			return result;
		}
		catch (UnknownPaymentMethodException ex) {
			outcome = "rejected";
			throw ex;
		}
		finally {
			this.inFlight.decrementAndGet();
			counter("ticketing.payments.charges", outcome).increment();
		}
	}

	@Override
	public void refund(Refund refund) {
		String outcome = "failed";
		try {
			this.delegate.refund(refund);
			outcome = "succeeded";
		}
		finally {
			counter("ticketing.payments.refunds", outcome).increment();
		}
	}

	private Counter counter(String name, String outcome) {
		return Counter.builder(name)
			.tag("provider", this.delegate.name())
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
