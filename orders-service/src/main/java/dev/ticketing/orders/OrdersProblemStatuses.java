package dev.ticketing.orders;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ProblemStatuses;

/**
 * The HTTP status of each of orders-service's refusal codes (DESIGN §2, orders-service
 * table): the one place where its domain meets HTTP.
 */
@Configuration(proxyBeanMethods = false)
class OrdersProblemStatuses {

	@Bean
	ProblemStatuses problemStatuses() {
		return ProblemStatuses.builder()
			.map(HttpStatus.NOT_FOUND, "order_not_found", "ticket_not_found")
			.map(HttpStatus.FORBIDDEN, "own_ticket")
			.map(HttpStatus.CONFLICT, "ticket_unavailable", "order_not_cancellable")
			.build();
	}

}
