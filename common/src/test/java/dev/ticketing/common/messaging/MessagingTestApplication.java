package dev.ticketing.common.messaging;

import java.util.UUID;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.tickets.v1.TicketCreated;

/**
 * A service as small as can be that uses common's event backbone as the services do: it
 * lists things, each listing announced through the outbox on {@code TICKETS} (as if it
 * were tickets-service), and it holds a listing for every {@code order.created} it
 * consumes from {@code ORDERS}. Settings: {@code messaging-test-app.properties}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@PropertySource("classpath:messaging-test-app.properties")
@Import(MessagingTestApplication.Listings.class)
public class MessagingTestApplication {

	/** The durable name of the application's own consumer. */
	static final String DURABLE = "messaging-test-app";

	@Bean
	EventSubscription orderEvents(JdbcClient jdbc) {
		return EventSubscription.to(EventStream.ORDERS)
			.on(OrderCreated.class,
					(event) -> jdbc.sql("INSERT INTO holds (order_id, listing_id) VALUES (?, ?)")
						.params(event.data().id(), event.data().ticket().id())
						.update())
			.build();
	}

	/**
	 * Lists a thing and announces it in one transaction.
	 */
	@Component
	static class Listings {

		private final JdbcClient jdbc;

		private final Outbox outbox;

		Listings(JdbcClient jdbc, Outbox outbox) {
			this.jdbc = jdbc;
			this.outbox = outbox;
		}

		@Transactional
		public UUID list(UUID seller, String title) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("INSERT INTO listings (id, seller_id, title) VALUES (?, ?, ?)")
				.params(id, seller, title)
				.update();
			this.outbox
				.append(new TicketCreated(id, 1, title, 12_500, 12_500L, "EUR", seller, null, null, "available", null));
			return id;
		}

	}

}
