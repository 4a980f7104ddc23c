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
			.map(HttpStatus.NOT_FOUND, "ticket_not_found", "pass_not_found")
			.map(HttpStatus.FORBIDDEN, "not_owner", "not_holder")
			.map(HttpStatus.CONFLICT, "ticket_reserved", "version_conflict", "already_listed", "already_checked_in",
					"ticket_listed", "pass_void", "event_over")
			.map(HttpStatus.BAD_REQUEST, "price_above_cap", "resale_fixed", "code_invalid")
			.build();
	}

}
