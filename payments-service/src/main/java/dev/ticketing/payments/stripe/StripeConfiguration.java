package dev.ticketing.payments.stripe;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.provider.MeteredPaymentProvider;
import dev.ticketing.payments.payout.PayoutProvider;
import dev.ticketing.payments.provider.PaymentProvider;

/**
 * Stripe as the payment provider, when {@code ticketing.payments.provider=stripe}: its
 * adapter, counted by {@link MeteredPaymentProvider}, and its Connect payouts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "ticketing.payments", name = "provider", havingValue = "stripe")
class StripeConfiguration {

	@Bean
	PaymentProvider stripePaymentProvider(PaymentsProperties properties, MeterRegistry registry) {
		return new MeteredPaymentProvider(new StripePaymentProvider(properties.stripe()), registry);
	}

	/** Sellers are paid by Connect transfers from the money Stripe charged. */
	@Bean
	PayoutProvider stripePayoutProvider(PaymentsProperties properties) {
		return new StripePayoutProvider(properties.stripe());
	}

}
