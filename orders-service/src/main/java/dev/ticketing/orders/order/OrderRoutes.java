package dev.ticketing.orders.order;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.security.ProtectedRoutes;

/**
 * Every orders route needs a signed-in user.
 */
@Configuration(proxyBeanMethods = false)
class OrderRoutes {

	@Bean
	ProtectedRoutes orderProtectedRoutes() {
		return (routes) -> routes.requestMatchers("/api/orders", "/api/orders/**").authenticated();
	}

}
