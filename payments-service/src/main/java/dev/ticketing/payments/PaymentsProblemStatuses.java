package dev.ticketing.payments;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ProblemStatuses;

/**
 * The HTTP status of each of payments-service's refusal codes (DESIGN §2,
 * payments-service table): the one place where its domain meets HTTP. A decline is no
 * refusal but an outcome, which the payment controller answers with 402 itself.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsProblemStatuses {

	@Bean
	ProblemStatuses problemStatuses() {
		return ProblemStatuses.builder()
			.map(HttpStatus.NOT_FOUND, "order_not_found", "payment_not_found", "payout_account_not_found")
			.map(HttpStatus.CONFLICT, "order_paid", "order_cancelled", "order_expired", "already_refunded")
			.map(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reused")
			.map(HttpStatus.BAD_REQUEST, "invalid_signature")
			.map(HttpStatus.SERVICE_UNAVAILABLE, "payment_provider_unavailable")
			.build();
	}

}
