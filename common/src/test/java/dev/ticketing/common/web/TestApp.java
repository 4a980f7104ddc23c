package dev.ticketing.common.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;
import dev.ticketing.common.jwt.PublicKeyResolver;
import dev.ticketing.common.jwt.TestKeys;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.security.ProtectedRoutes;
import dev.ticketing.common.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A service as small as can be that depends on {@code common}: everything else (problem
 * responses, filters, security, actuator) comes from common's auto-configuration. Tokens
 * are checked against {@link #KEYS} instead of a JWKS endpoint.
 */
@SpringBootConfiguration
// common's optional JDBC dependency is on its test classpath; this app has no database.
@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
@Import(TestApp.ThingsController.class)
public class TestApp {

	/** The key the app accepts tokens from. */
	public static final TestKeys KEYS = TestKeys.generate();

	/** A path that fails inside a servlet filter, before Spring MVC. */
	static final String FILTER_FAILURE_PATH = "/api/filter-boom";

	/** A path whose servlet filter finds no database connection, before Spring MVC. */
	static final String FILTER_OUTAGE_PATH = "/api/filter-outage";

	@Bean
	PublicKeyResolver testKeyResolver() {
		return (keyId) -> KEYS.keyId().equals(keyId) ? Optional.of(KEYS.pair().getPublic()) : Optional.empty();
	}

	@Bean
	ProtectedRoutes testRoutes() {
		return (routes) -> routes.requestMatchers(HttpMethod.POST, "/api/protected")
			.authenticated()
			.requestMatchers("/api/admin")
			.hasRole("ADMIN")
			.requestMatchers(HttpMethod.POST, "/api/checkins")
			.hasRole(Roles.DOOR);
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> failingFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws IOException {
						throw new IllegalStateException("SELECT secret FROM filters");
					}

				});
		registration.addUrlPatterns(FILTER_FAILURE_PATH);
		return registration;
	}

	@Bean
	FilterRegistrationBean<OncePerRequestFilter> outageFilter() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) {
						throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
								new SQLTransientConnectionException(
										"HikariPool-1 - Connection is not available, request timed out after 5000ms.",
										"08001"));
					}

				});
		registration.addUrlPatterns(FILTER_OUTAGE_PATH);
		return registration;
	}

	/** The web edge's status of the app's own refusal code. */
	@Bean
	ProblemStatuses thingsProblemStatuses() {
		return ProblemStatuses.builder().map(HttpStatus.TOO_MANY_REQUESTS, "things_exhausted").build();
	}

	static final class ThingsExhaustedException extends DomainException {

		ThingsExhaustedException() {
			super("things_exhausted", "No more things today.");
		}

		@Override
		public Optional<Duration> retryAfter() {
			return Optional.of(Duration.ofMillis(29_001));
		}

	}

	static final class UnknownColourException extends DomainException {

		UnknownColourException() {
			super("validation_failed", "The request has invalid fields.");
		}

		@Override
		public List<InvalidField> invalidFields() {
			return List.of(new InvalidField("colour", "is not a colour we paint"));
		}

	}

	/** A refusal whose code the app forgot to give a status. */
	static final class UnmappedRefusalException extends DomainException {

		UnmappedRefusalException() {
			super("things_misplaced", "Nobody knows where the things are.");
		}

	}

	record NewThing(@NotBlank @Size(max = 20) String name, @Min(1) int count) {
	}

	@RestController
	static class ThingsController {

		@PostMapping("/api/things")
		@ResponseStatus(HttpStatus.CREATED)
		Map<String, Object> create(@Valid @RequestBody NewThing thing) {
			return Map.of("id", UUID.randomUUID(), "name", thing.name(), "count", thing.count());
		}

		@GetMapping("/api/things")
		PageResponse<Object> list(PageQuery page, @RequestParam(defaultValue = "1") @Min(1) @Max(9) int rating) {
			return PageResponse.of(List.of(), page, 0);
		}

		@PostMapping("/api/things/lose")
		Map<String, Object> lose() {
			throw new UnmappedRefusalException();
		}

		@PostMapping("/api/things/claim")
		Map<String, Object> claim() {
			throw new ThingsExhaustedException();
		}

		@PostMapping("/api/things/labelled")
		Map<String, Object> labelled(@RequestHeader(name = "X-Label", required = false) @Size(max = 5) String label,
				@Valid @RequestBody NewThing thing) {
			return Map.of("label", String.valueOf(label), "name", thing.name());
		}

		@PostMapping("/api/things/paint")
		Map<String, Object> paint() {
			throw new UnknownColourException();
		}

		@GetMapping("/api/things/{id}")
		Map<String, Object> get(@PathVariable UUID id) {
			return Map.of("id", id);
		}

		@GetMapping("/api/boom")
		Map<String, Object> boom() {
			throw new IllegalStateException("SELECT secret FROM users failed in dev.ticketing.Things");
		}

		@PostMapping("/api/things/unreachable")
		Map<String, Object> unreachable() {
			// What a transaction whose connection died under it ends with.
			throw new TransactionSystemException("JDBC rollback failed",
					new SQLException("This connection has been closed.", "08003"));
		}

		@GetMapping("/api/me")
		Map<String, Object> me(@AuthenticationPrincipal AuthenticatedUser user) {
			return (user != null)
					? Map.of("id", user.id(), "email", user.email(), "roles", user.roles().stream().sorted().toList())
					: Map.of("anonymous", true);
		}

		@PostMapping("/api/protected")
		Map<String, Object> protectedAction(@AuthenticationPrincipal AuthenticatedUser user) {
			return Map.of("userId", user.id());
		}

		@PostMapping("/api/checkins")
		Map<String, Object> checkin(@AuthenticationPrincipal AuthenticatedUser user) {
			return Map.of("checkedInBy", user.id(), "door", user.hasRole(Roles.DOOR), "roles",
					user.roles().stream().sorted().toList());
		}

		@GetMapping("/api/admin")
		Map<String, Object> admin() {
			return Map.of("secret", 42);
		}

	}

}
