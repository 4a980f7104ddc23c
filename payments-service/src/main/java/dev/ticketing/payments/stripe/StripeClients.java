package dev.ticketing.payments.stripe;

import com.stripe.StripeClient;

import dev.ticketing.payments.PaymentsProperties;

/**
 * A {@link StripeClient} of the provider's own, never the library's static settings: its
 * key, base address, timeouts and retries are these settings alone (and tests can point
 * it at a stub). Charges and payouts each build one.
 */
final class StripeClients {

	private StripeClients() {
	}

	static StripeClient of(PaymentsProperties.Stripe settings) {
		String base = settings.apiBase().toString();
		return StripeClient.builder()
			.setApiKey(settings.secretKey())
			.setApiBase(base.endsWith("/") ? base.substring(0, base.length() - 1) : base)
			.setConnectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
			.setReadTimeout(Math.toIntExact(settings.readTimeout().toMillis()))
			.setMaxNetworkRetries(settings.maxNetworkRetries())
			.build();
	}

}
