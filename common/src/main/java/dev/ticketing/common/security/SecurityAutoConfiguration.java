package dev.ticketing.common.security;

import java.net.http.HttpClient;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;

import dev.ticketing.common.jwt.JwksKeyResolver;
import dev.ticketing.common.jwt.JwtVerifier;
import dev.ticketing.common.jwt.PublicKeyResolver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.DispatcherType;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;

/**
 * Stateless security for every service: the current user comes from a verified access
 * token (session cookie or Bearer header), unsafe cookie-authenticated requests pass the
 * CSRF rule, and 401/403 are problem responses. Services add their protected routes as
 * {@link ProtectedRoutes} beans.
 */
@AutoConfiguration(
		beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableConfigurationProperties(TicketingSecurityProperties.class)
public class SecurityAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.systemUTC();
	}

	@Bean
	@ConditionalOnMissingBean
	PublicKeyResolver jwksKeyResolver(TicketingSecurityProperties properties, Clock clock,
			ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
		if (properties.jwksUri() == null) {
			throw new IllegalStateException(
					"ticketing.security.jwks-uri must be set to auth-service's JWKS endpoint (TICKETING_SECURITY_JWKS_URI)");
		}
		// Observed: a fetch is a client span of the request that needed the key, and
		// auth-service's answer joins its trace (docs/adr/0022).
		HttpClient http = MicrometerHttpClient
			.instrumentationBuilder(JwksKeyResolver.newHttpClient(),
					meters.getIfAvailable(() -> Metrics.globalRegistry))
			.observationRegistry(observations.getIfAvailable(() -> ObservationRegistry.NOOP))
			.build();
		return new JwksKeyResolver(properties.jwksUri(), properties.jwksMinRefetchInterval(), properties.jwksMaxAge(),
				clock, http);
	}

	@Bean
	@ConditionalOnMissingBean
	JwtVerifier jwtVerifier(PublicKeyResolver keys, TicketingSecurityProperties properties, Clock clock) {
		return new JwtVerifier(keys, properties.clockSkew().toSeconds(), clock);
	}

	@Bean
	SecurityFilterChain apiSecurityFilterChain(HttpSecurity http, JwtVerifier verifier,
			TicketingSecurityProperties properties, ObjectProvider<ProtectedRoutes> protectedRoutes) throws Exception {
		ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
		JwtAuthenticationFilter authentication = new JwtAuthenticationFilter(verifier);
		List<ProtectedRoutes> routes = protectedRoutes.orderedStream().toList();
		http.csrf(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.formLogin(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable)
			.requestCache(AbstractHttpConfigurer::disable)
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.exceptionHandling(
					(exceptions) -> exceptions.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
			.addFilterAfter(new CsrfOriginFilter(new LinkedHashSet<>(properties.allowedOrigins())),
					JwtAuthenticationFilter.class)
			.authorizeHttpRequests((requests) -> {
				requests.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.FORWARD).permitAll();
				routes.forEach((route) -> route.configure(requests));
				requests.anyRequest().permitAll();
			});
		return http.build();
	}

}
