package dev.ticketing.orders.replica;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;
import dev.ticketing.common.messaging.EventSubscription;

/**
 * orders-service's durable consumer {@code orders-service} on {@code TICKETS}: keeps the
 * ticket replica.
 */
@Configuration(proxyBeanMethods = false)
class TicketSubscription {

	@Bean
	EventSubscription ticketEvents(TicketReplicas replicas) {
		return EventSubscription.to(EventStream.TICKETS).on(TicketCreated.class, (event) -> {
			TicketCreated t = event.data();
			replicas.apply(new TicketReplica(t.id(), t.version(), t.title(), t.price(), t.currency(), t.sellerId(),
					t.eventAt(), t.status(), t.orderId()));
		}).on(TicketUpdated.class, (event) -> {
			TicketUpdated t = event.data();
			replicas.apply(new TicketReplica(t.id(), t.version(), t.title(), t.price(), t.currency(), t.sellerId(),
					t.eventAt(), t.status(), t.orderId()));
		}).build();
	}

}
