package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of a service on one database and one nats-server, as with two replicas in
 * Kubernetes: their relays claim rows with {@code FOR UPDATE SKIP LOCKED}, so every event
 * is published exactly once, and their consumers share the durable, so every event is
 * applied once.
 */
class TwoInstancesIntegrationTests extends MessagingIntegrationTest {

	private static final int LISTINGS = 200;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MeterRegistry meters;

	private ConfigurableApplicationContext second;

	@BeforeEach
	void startSecondInstance() {
		this.second = secondInstance();
	}

	@AfterEach
	void stopSecondInstance() {
		this.second.close();
	}

	@Test
	void everyEventIsPublishedExactlyOnceByTwoRelays() throws Exception {
		OutboxRelay secondRelay = this.second.getBean(OutboxRelay.class);
		MeterRegistry secondMeters = this.second.getBean(MeterRegistry.class);
		double duplicatesBefore = duplicates(this.meters) + duplicates(secondMeters);
		// Hold both relays so that the rows pile up, then let them race for them.
		this.relay.stop();
		secondRelay.stop();
		UUID seller = UUID.randomUUID();
		List<String> ids = listConcurrently(seller,
				List.of(this.listings, this.second.getBean(MessagingTestApplication.Listings.class)));
		assertThat(unsentFor(seller)).isEqualTo(LISTINGS);

		this.relay.start();
		secondRelay.start();
		await().atMost(Duration.ofSeconds(60)).until(() -> unsentFor(seller) == 0);

		List<Stored> published = StreamMessages.all(this.nats, "TICKETS");
		for (String id : ids) {
			assertThat(published).filteredOn((message) -> message.dataId().equals(id)).hasSize(1);
		}
		assertThat(duplicates(this.meters) + duplicates(secondMeters)).isEqualTo(duplicatesBefore);
	}

	@Test
	void everyEventIsAppliedOnceByTwoConsumers() {
		UUID seller = UUID.randomUUID();
		List<Event<OrderCreated>> events = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			Event<OrderCreated> event = orderCreated(UUID.randomUUID(), list(seller));
			events.add(event);
			publish(event);
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> events.stream().allMatch(this::processed));
		assertThat(events).allMatch((event) -> held(event.data().id()));
		// A second application would have failed on the holds' key and been retried.
		MeterRegistry secondMeters = this.second.getBean(MeterRegistry.class);
		assertThat(consumed(this.meters, "retried") + consumed(secondMeters, "retried")).isZero();
		assertThat(consumed(this.meters, "dead_lettered") + consumed(secondMeters, "dead_lettered")).isZero();
	}

	private List<String> listConcurrently(UUID seller, List<MessagingTestApplication.Listings> instances)
			throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < LISTINGS; i++) {
				MessagingTestApplication.Listings instance = instances.get(i % instances.size());
				futures.add(pool.submit(() -> list(instance, seller)));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> future : futures) {
				ids.add(future.get());
			}
			return ids;
		}
	}

	private static double duplicates(MeterRegistry registry) {
		return registry.get("ticketing.outbox.duplicates").counter().count();
	}

}
