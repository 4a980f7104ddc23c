package dev.ticketing.orders.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.messaging.EventSubscription;
import dev.ticketing.orders.order.OrderService;

/**
 * orders-service's durable consumer {@code orders-service} on {@code PAYMENTS}:
 * {@code payment.succeeded} completes a {@code created} order.
 */
@Configuration(proxyBeanMethods = false)
class PaymentSubscription {

	@Bean
	EventSubscription paymentEvents(OrderService orders) {
		return EventSubscription.to(EventStream.PAYMENTS)
			.on(PaymentSucceeded.class, (event) -> orders.completePaid(event.data().orderId(), event.data().id()))
			.build();
	}

}
