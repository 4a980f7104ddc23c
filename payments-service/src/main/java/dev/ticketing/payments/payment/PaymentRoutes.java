package dev.ticketing.payments.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.ticketing.common.security.ProtectedRoutes;

/**
 * Every payments route needs a signed-in user, except the provider's webhooks, which are
 * authenticated by their signature instead.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRoutes {

	@Bean
	ProtectedRoutes paymentProtectedRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/payments/webhooks/**")
			.permitAll()
			.requestMatchers("/api/payments", "/api/payments/**")
			.authenticated();
	}

}
