package dev.ticketing.tickets.pass;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;

import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.security.Roles;

/**
 * Who may call what: a holder's passes need a signed-in user, check-in the {@code door}
 * role. Declared before the listings' routes, whose {@code POST /api/tickets/**} would
 * otherwise match check-ins first.
 */
@Configuration(proxyBeanMethods = false)
class PassRoutes {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	ProtectedRoutes passProtectedRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/tickets/checkins")
			.hasRole(Roles.DOOR)
			// Any method: HEAD is answered by the GET handlers, and needs a user as they
			// do.
			.requestMatchers("/api/tickets/held", "/api/tickets/*/pass")
			.authenticated();
	}

}
