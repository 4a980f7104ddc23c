package dev.ticketing.tickets.reservation;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.messaging.EventSubscription;

/**
 * tickets-service's durable consumer {@code tickets-service} on {@code ORDERS}
 * ({@code orders.v1.>}).
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

	@Bean
	EventSubscription orderEvents(TicketReservations reservations) {
		return EventSubscription.to(EventStream.ORDERS)
			.on(OrderCreated.class, reservations::onOrderCreated)
			.on(OrderCancelled.class, reservations::onOrderCancelled)
			.on(OrderCompleted.class, reservations::onOrderCompleted)
			.build();
	}

}
