package dev.ticketing.payments.payout;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts what a payout provider is asked: {@code ticketing.payments.payouts} by
 * {@code outcome} ({@code sent}, {@code refused}, {@code failed}) and
 * {@code ticketing.payments.payout.reversals} by {@code outcome} ({@code reversed},
 * {@code refused}, {@code failed}), both tagged with the method.
 */
class MeteredPayoutProvider implements PayoutProvider {

	private final PayoutProvider delegate;

	private final MeterRegistry registry;

	MeteredPayoutProvider(PayoutProvider delegate, MeterRegistry registry) {
		this.delegate = delegate;
		this.registry = registry;
	}

	@Override
	public String method() {
		return this.delegate.method();
	}

	@Override
	public PayoutOutcome pay(PayoutInstruction instruction) {
		String outcome = "failed";
		try {
			PayoutOutcome result = this.delegate.pay(instruction);
			outcome = (result instanceof PayoutOutcome.Sent) ? "sent" : "refused";
			return result;
		}
		finally {
			counter("ticketing.payments.payouts", outcome).increment();
		}
	}

	@Override
	public boolean reverse(PayoutReversal reversal) {
		String outcome = "failed";
		try {
			boolean reversed = this.delegate.reverse(reversal);
			outcome = reversed ? "reversed" : "refused";
			return reversed;
		}
		finally {
			counter("ticketing.payments.payout.reversals", outcome).increment();
		}
	}

	private Counter counter(String name, String outcome) {
		return Counter.builder(name)
			.tag("method", this.delegate.method())
			.tag("outcome", outcome)
			.register(this.registry);
	}

}
