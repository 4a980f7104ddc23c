package dev.ticketing.payments.payment;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.messaging.EventSubscription;
import dev.ticketing.payments.order.OrderReplicas;

/**
 * payments-service's durable consumer {@code payments-service} on {@code ORDERS}: keeps
 * the order replica, and runs the late-payment saga on {@code order.cancelled}: a
 * succeeded payment of a cancelled order is refunded. The saga runs for every
 * {@code order.cancelled}, also one older than the replica (a cancelled order stays
 * cancelled), and does nothing the second time. A completed order's payment is escrowed
 * for its seller once both its completion and its seller are known, whichever event
 * brings the last of them.
 */
@Configuration(proxyBeanMethods = false)
class OrderSubscription {

	@Bean
	EventSubscription orderEvents(OrderReplicas replicas, LatePaymentSaga latePayments, SaleEscrow escrow) {
		return EventSubscription.to(EventStream.ORDERS).on(OrderCreated.class, (event) -> {
			OrderCreated order = event.data();
			OrderCreated.Ticket ticket = order.ticket();
			replicas.applyCreated(order.id(), order.version(), order.userId(), ticket.id(), order.status(),
					ticket.price(), ticket.currency(), order.expiresAt(), ticket.sellerId(), ticket.eventAt());
			replicas.fillFacts(order.id(), ticket.price(), ticket.currency(), order.expiresAt(), ticket.sellerId(),
					ticket.eventAt());
			escrow.openIfComplete(order.id());
		}).on(OrderCancelled.class, (event) -> {
			OrderCancelled order = event.data();
			replicas.applyStatus(order.id(), order.version(), order.userId(), order.ticket().id(), "cancelled");
			latePayments.onOrderCancelled(order.id());
		}).on(OrderCompleted.class, (event) -> {
			OrderCompleted order = event.data();
			replicas.applyStatus(order.id(), order.version(), order.userId(), order.ticket().id(), "complete");
			replicas.markCompletedAt(order.id(), event.occurredAt());
			escrow.openIfComplete(order.id());
		}).build();
	}

}
