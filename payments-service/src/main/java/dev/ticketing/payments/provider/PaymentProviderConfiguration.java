package dev.ticketing.payments.provider;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.stripe.StripePaymentProvider;

/**
 * The provider {@code ticketing.payments.provider} names, counted by
 * {@link MeteredPaymentProvider}.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

	@Bean
	PaymentProvider paymentProvider(PaymentsProperties properties, MeterRegistry registry) {
		PaymentProvider provider = switch (properties.provider()) {
			case SIMULATED -> new SimulatedPaymentProvider(properties.simulated().latency());
			case STRIPE -> new StripePaymentProvider(properties.stripe());
		};
		return new MeteredPaymentProvider(provider, registry);
	}

}
