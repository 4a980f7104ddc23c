package dev.ticketing.payments.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.security.Roles;

/**
 * Every payments route needs a signed-in user, except the provider's webhooks, which are
 * authenticated by their signature instead. Refunds on request and the ledger's balances
 * need the {@code support} role.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRoutes {

	@Bean
	ProtectedRoutes paymentProtectedRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/payments/webhooks/**")
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/payments/*/refunds")
			.hasRole(Roles.SUPPORT)
			.requestMatchers("/api/payments/ledger/**")
			.hasRole(Roles.SUPPORT)
			.requestMatchers("/api/payments", "/api/payments/**")
			.authenticated();
	}

}
