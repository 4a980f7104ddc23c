package dev.ticketing.orders.expiry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.ticketing.common.testing.ScrapedMetrics;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.orders.OrdersApplication;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Holds run out: with a hold window of two seconds, a {@code created} order is cancelled
 * with reason {@code expired} and {@code order.cancelled} is published once; holds that
 * run out while orders-service is down are cancelled when it starts again; and two
 * instances never cancel an order twice.
 */
@TestPropertySource(properties = "ticketing.orders.hold-window=PT2S")
class OrderExpiryIntegrationTests extends OrdersIntegrationTest {

	@Autowired
	OrderExpiry expiry;

	@Test
	void aHoldPastItsWindowIsCancelledAsExpiredAndAnnouncedOnce() {
		double expiredBefore = ScrapedMetrics.value(this.http, "ticketing_orders_holds_expired_total");
		UUID buyer = UUID.randomUUID();
		UUID ticket = listedTicket(UUID.randomUUID());
		JsonNode placed = placedOrder(buyer, ticket);
		String id = placed.path("id").asString();
		assertThat(Instant.parse(placed.path("expiresAt").asString()))
			.isEqualTo(Instant.parse(placed.path("createdAt").asString()).plusSeconds(2));

		await().atMost(WAIT).until(() -> "cancelled".equals(order(buyer, id).path("status").asString()));
		JsonNode expired = order(buyer, id);
		assertThat(expired.path("cancelReason").asString()).isEqualTo("expired");
		assertThat(expired.path("version").asLong()).isEqualTo(2);
		List<Stored> cancellations = cancellationsOf(id);
		assertThat(cancellations).hasSize(1);
		assertThat(cancellations.getFirst().body().path("data").path("reason").asString()).isEqualTo("expired");
		assertThat(cancellations.getFirst().body().path("data").path("ticket").path("id").asString())
			.isEqualTo(ticket.toString());
		// Holds of earlier tests on the shared database may run out meanwhile too.
		assertThat(ScrapedMetrics.value(this.http, "ticketing_orders_holds_expired_total"))
			.isGreaterThanOrEqualTo(expiredBefore + 1);
	}

	@Test
	void holdsThatRunOutWhileTheServiceIsDownAreCancelledWhenItStartsAgain() {
		// Only the instances started here run the expiry schedule.
		this.expiry.stop();
		try {
			List<UUID> buyers = new ArrayList<>();
			List<String> ids = new ArrayList<>();
			List<Instant> deadlines = new ArrayList<>();
			List<UUID> tickets = new ArrayList<>();
			for (int i = 0; i < 5; i++) {
				tickets.add(listedTicket(UUID.randomUUID()));
			}
			// This instance would not look for expired holds again within the test.
			try (ConfigurableApplicationContext before = startInstance("--ticketing.orders.expiry-interval=PT1H")) {
				TestHttp http = new TestHttp(port(before));
				for (UUID ticket : tickets) {
					UUID buyer = UUID.randomUUID();
					TestHttp.Response response = http.postJson("/api/orders",
							TestHttp.json(Map.of("ticketId", ticket.toString())), bearer(buyer));
					assertThat(response.status()).as(response.body()).isEqualTo(201);
					buyers.add(buyer);
					ids.add(response.json().path("id").asString());
					deadlines.add(Instant.parse(response.json().path("expiresAt").asString()));
				}
			}
			// Down while every hold runs out: nothing cancels them.
			Instant last = deadlines.stream().max(Comparator.naturalOrder()).orElseThrow();
			await().atMost(WAIT).until(() -> Instant.now().isAfter(last.plusMillis(500)));
			for (int i = 0; i < ids.size(); i++) {
				assertThat(order(buyers.get(i), ids.get(i)).path("status").asString()).isEqualTo("created");
			}

			try (ConfigurableApplicationContext after = startInstance()) {
				for (int i = 0; i < ids.size(); i++) {
					UUID buyer = buyers.get(i);
					String id = ids.get(i);
					await().atMost(WAIT).until(() -> "cancelled".equals(order(buyer, id).path("status").asString()));
					assertThat(order(buyer, id).path("cancelReason").asString()).isEqualTo("expired");
				}
				await().atMost(WAIT).until(() -> unsentEvents() == 0);
			}
			for (String id : ids) {
				assertThat(cancellationsOf(id)).hasSize(1);
			}
		}
		finally {
			this.expiry.start();
		}
	}

	@Test
	void twoInstancesExpiringTheSameHoldsCancelEachOnce() {
		List<String> ids = new ArrayList<>();
		try (ConfigurableApplicationContext second = startInstance()) {
			List<UUID> buyers = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				UUID buyer = UUID.randomUUID();
				buyers.add(buyer);
				ids.add(placedOrder(buyer, listedTicket(UUID.randomUUID())).path("id").asString());
			}
			for (int i = 0; i < ids.size(); i++) {
				UUID buyer = buyers.get(i);
				String id = ids.get(i);
				await().atMost(WAIT).until(() -> "cancelled".equals(order(buyer, id).path("status").asString()));
			}
			await().atMost(WAIT).until(() -> unsentEvents() == 0);
		}
		for (String id : ids) {
			assertThat(cancellationsOf(id)).as("order.cancelled events of %s", id).hasSize(1);
		}
	}

	private List<Stored> cancellationsOf(String orderId) {
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		return StreamMessages.about(this.nats, "ORDERS", orderId)
			.stream()
			.filter((message) -> message.subject().equals("orders.v1.order.cancelled"))
			.toList();
	}

	private static ConfigurableApplicationContext startInstance(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ticketing.messaging.url=" + NATS.url(),
				"--ticketing.orders.hold-window=PT2S"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(OrdersApplication.class, TestSecurityConfiguration.class).profiles("test")
			.run(args.toArray(String[]::new));
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
	}

}
