package dev.ticketing.tickets;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ProblemStatuses;

/**
 * The HTTP status of each of tickets-service's refusal codes (DESIGN §2, tickets-service
 * table): the one place where its domain meets HTTP.
 */
@Configuration(proxyBeanMethods = false)
class TicketsProblemStatuses {

	@Bean
	ProblemStatuses problemStatuses() {
		return ProblemStatuses.builder()
			.map(HttpStatus.NOT_FOUND, "ticket_not_found")
			.map(HttpStatus.FORBIDDEN, "not_owner")
			.map(HttpStatus.CONFLICT, "ticket_reserved", "version_conflict")
			.build();
	}

}
