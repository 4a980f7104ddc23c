package dev.ticketing.common.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's declaration of which routes need a signed-in user, for example
 * {@code routes.requestMatchers(HttpMethod.POST, "/api/tickets").authenticated()}, or a
 * role, {@code .hasRole(Roles.DOOR)} (403 {@code forbidden} for a user without it). Every
 * route not declared is open, so an unknown route is a 404 rather than a 401.
 */
@FunctionalInterface
public interface ProtectedRoutes {

	void configure(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry routes);

}
