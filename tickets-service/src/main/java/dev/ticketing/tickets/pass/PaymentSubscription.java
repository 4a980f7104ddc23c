package dev.ticketing.tickets.pass;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.payments.v1.PaymentRefunded;
import dev.ticketing.common.messaging.EventSubscription;

/**
 * tickets-service's durable consumer on {@code PAYMENTS} ({@code payments.v1.>}): a
 * refund by support voids the order's pass. Refunds of cancelled orders concern no pass,
 * and other payment events none either.
 */
@Configuration(proxyBeanMethods = false)
class PaymentSubscription {

	/** {@code payments.v1.payment.refunded}'s reason for a refund support made. */
	static final String SUPPORT = "support";

	@Bean
	EventSubscription paymentEvents(PassService passes) {
		return EventSubscription.to(EventStream.PAYMENTS).on(PaymentRefunded.class, (event) -> {
			if (SUPPORT.equals(event.data().reason())) {
				passes.refunded(event.data().orderId());
			}
		}).build();
	}

}
