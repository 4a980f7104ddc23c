package dev.ticketing.auth;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ProblemStatuses;

/**
 * The HTTP status of each of auth-service's refusal codes (DESIGN §2, auth-service
 * table): the one place where its domain meets HTTP.
 */
@Configuration(proxyBeanMethods = false)
class AuthProblemStatuses {

	@Bean
	ProblemStatuses problemStatuses() {
		return ProblemStatuses.builder()
			.map(HttpStatus.UNAUTHORIZED, "invalid_credentials")
			.map(HttpStatus.CONFLICT, "email_in_use")
			.map(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts")
			.build();
	}

}
