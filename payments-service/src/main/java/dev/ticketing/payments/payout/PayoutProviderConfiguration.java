package dev.ticketing.payments.payout;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The simulated payout provider, where no real money is taken (the simulated payment
 * provider, the default): paying real sellers with simulated money would be a lie. The
 * Stripe payout provider is the stripe package's.
 */
@Configuration(proxyBeanMethods = false)
class PayoutProviderConfiguration {

	@Bean
	@ConditionalOnProperty(prefix = "ticketing.payments", name = "provider", havingValue = "simulated",
			matchIfMissing = true)
	PayoutProvider simulatedPayoutProvider(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock) {
		TransactionTemplate own = new TransactionTemplate(transactions);
		own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return new SimulatedPayoutProvider(jdbc, own, clock);
	}

}
