package dev.ticketing.common.messaging;

import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.TestSecurityConfiguration;

/**
 * {@link MessagingTestApplication} against the real PostgreSQL
 * ({@code ticketing_common_test}) and a nats-server of the tests' own, for the tests of
 * the event backbone's delivery guarantees.
 */
@SpringBootTest(classes = MessagingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class MessagingIntegrationTest extends ServiceIntegrationTest {

	@Autowired
	MessagingTestApplication.Listings listings;

	/** Lists a thing as {@code seller}; its {@code ticket.created} goes to the outbox. */
	String list(UUID seller) {
		return list(this.listings, seller);
	}

	static String list(MessagingTestApplication.Listings listings, UUID seller) {
		return listings.list(seller, "A thing of " + seller).toString();
	}

	/** How many of a seller's events are not published yet. */
	long unsentFor(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE sent_at IS NULL AND body LIKE ?")
			.param("%\"sellerId\":\"" + seller + "\"%")
			.query(Long.class)
			.single();
	}

	/** Whether the application's own consumer holds the listing for the order. */
	boolean held(UUID order) {
		return this.jdbc.sql("SELECT count(*) FROM holds WHERE order_id = ?")
			.param(order)
			.query(Long.class)
			.single() == 1;
	}

	/**
	 * How many events the application's own consumer counted with this outcome
	 * ({@code applied}, {@code duplicate}, {@code retried}, {@code dead_lettered}, ...).
	 */
	static double consumed(MeterRegistry registry, String outcome) {
		return registry.find("ticketing.events.consumed")
			.tag("consumer", MessagingTestApplication.DURABLE)
			.tag("outcome", outcome)
			.counters()
			.stream()
			.mapToDouble(Counter::count)
			.sum();
	}

	/** {@code order.created} as orders-service publishes it, holding a listing. */
	static Event<OrderCreated> orderCreated(UUID order, String listing) {
		return Event.of(new OrderCreated(order, 1, UUID.randomUUID(), "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.fromString(listing), 12_500, "EUR", null, null)), Instant.now());
	}

	/**
	 * A second instance of the application on the same database and nats-server, as a
	 * second replica in Kubernetes; the caller closes it.
	 */
	static ConfigurableApplicationContext secondInstance(Class<?>... extra) {
		Class<?>[] sources = new Class<?>[extra.length + 2];
		sources[0] = MessagingTestApplication.class;
		sources[1] = TestSecurityConfiguration.class;
		System.arraycopy(extra, 0, sources, 2, extra.length);
		return new SpringApplicationBuilder(sources).profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + NATS.url());
	}

}
