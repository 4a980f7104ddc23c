package dev.ticketing.payments.provider;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.payments.PaymentsProperties;

/**
 * The simulated provider, when {@code ticketing.payments.provider} names it (the
 * default), counted by {@link MeteredPaymentProvider}. Every other provider's package
 * contributes its own bean the same way.
 */
@Configuration(proxyBeanMethods = false)
class PaymentProviderConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "ticketing.payments", name = "provider", havingValue = "simulated",
			matchIfMissing = true)
	PaymentProvider simulatedPaymentProvider(PaymentsProperties properties, MeterRegistry registry) {
		return new MeteredPaymentProvider(new SimulatedPaymentProvider(properties.simulated().latency()), registry);
	}

}
