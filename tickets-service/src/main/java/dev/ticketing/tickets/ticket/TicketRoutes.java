package dev.ticketing.tickets.ticket;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

import dev.ticketing.common.security.ProtectedRoutes;

/**
 * Who may call what: browsing is public; listing, editing and withdrawing need a
 * signed-in user (ownership is checked by {@link TicketService}).
 */
@Configuration(proxyBeanMethods = false)
class TicketRoutes {

	@Bean
	ProtectedRoutes ticketProtectedRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/tickets", "/api/tickets/**")
			.authenticated()
			.requestMatchers(HttpMethod.PUT, "/api/tickets/**")
			.authenticated()
			.requestMatchers(HttpMethod.DELETE, "/api/tickets/**")
			.authenticated();
	}

}
