package dev.ticketing.tickets.delivery;

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
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ticketing.common.messaging.OutboxRelay;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.tickets.TicketsApplication;
import dev.ticketing.tickets.TicketsIntegrationTest;
import dev.ticketing.tickets.reservation.OrderEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of tickets-service on one database and one nats-server, as with two
 * replicas in Kubernetes: their relays claim rows with {@code FOR UPDATE SKIP LOCKED}, so
 * every event is published exactly once, and their consumers share the durable, so every
 * order event is applied once.
 */
class TwoInstancesIntegrationTests extends TicketsIntegrationTest {

	private static final int TICKETS = 200;

	@Autowired
	OutboxRelay relay;

	@Autowired
	MeterRegistry meters;

	private ConfigurableApplicationContext second;

	@BeforeEach
	void startSecondInstance() {
		this.second = new SpringApplicationBuilder(TicketsApplication.class, TestSecurityConfiguration.class)
			.profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + NATS.url());
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
		List<String> ids = createConcurrently(seller, List.of(this.http, new TestHttp(secondPort())));
		assertThat(unsentFor(seller)).isEqualTo(TICKETS);

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
	void everyOrderEventIsAppliedOnceByTwoConsumers() throws Exception {
		UUID seller = UUID.randomUUID();
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			ids.add(createTicket(seller).path("id").asString());
		}
		for (String id : ids) {
			publish(OrderEvents.created(UUID.randomUUID(), id));
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> ids.stream().allMatch((id) -> "reserved".equals(ticket(id).path("status").asString())));
		await().atMost(Duration.ofSeconds(30)).until(() -> unsentFor(seller) == 0);
		for (String id : ids) {
			assertThat(ticket(id).path("version").asLong()).isEqualTo(2);
			assertThat(StreamMessages.about(this.nats, "TICKETS", id)).hasSize(2);
		}
	}

	private List<String> createConcurrently(UUID seller, List<TestHttp> instances) throws Exception {
		try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
			List<Future<String>> futures = new ArrayList<>();
			for (int i = 0; i < TICKETS; i++) {
				TestHttp instance = instances.get(i % instances.size());
				futures.add(pool.submit(() -> {
					TestHttp.Response response = instance.postJson("/api/tickets", TestHttp.json(listing()),
							bearer(seller));
					assertThat(response.status()).as(response.body()).isEqualTo(201);
					return response.json().path("id").asString();
				}));
			}
			List<String> ids = new ArrayList<>();
			for (Future<String> future : futures) {
				ids.add(future.get());
			}
			return ids;
		}
	}

	private int secondPort() {
		return Integer.parseInt(this.second.getEnvironment().getProperty("local.server.port"));
	}

	private static double duplicates(MeterRegistry registry) {
		return registry.get("ticketing.outbox.duplicates").counter().count();
	}

}
