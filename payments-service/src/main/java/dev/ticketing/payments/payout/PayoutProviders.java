package dev.ticketing.payments.payout;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * The payout providers this installation has, by method, each counted by
 * {@link MeteredPayoutProvider}: {@code simulated} unless real money is charged (the
 * payment provider is not the simulated one), {@code stripe} when a Stripe secret key is
 * set.
 */
@Component
public class PayoutProviders {

	private final Map<String, PayoutProvider> byMethod = new TreeMap<>();

	PayoutProviders(List<PayoutProvider> providers, MeterRegistry registry) {
		for (PayoutProvider provider : providers) {
			this.byMethod.put(provider.method(), new MeteredPayoutProvider(provider, registry));
		}
	}

	/** The methods a payout account may name. */
	public Set<String> methods() {
		return this.byMethod.keySet();
	}

	Optional<PayoutProvider> forMethod(String method) {
		return Optional.ofNullable(this.byMethod.get(method));
	}

}
