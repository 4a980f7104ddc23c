package dev.ticketing.orders.endtoend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.TestPropertySource;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.orders.OrdersApplication;
import dev.ticketing.orders.expiry.OrderExpiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With a hold window of two seconds: the hold runs out, orders-service cancels the order
 * (reason {@code expired}) and announces it once, and tickets-service makes the ticket
 * available again; the same when orders-service was down while the hold ran out.
 */
@TestPropertySource(properties = "ticketing.orders.hold-window=PT2S")
class ExpiryEndToEndTests extends WithTicketsService {

	@Autowired
	OrderExpiry expiry;

	@Test
	void anExpiredHoldFreesTheTicketInTicketsService() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		String order = placedOrder(buyer, ticket).path("id").asString();

		// Reserved (version 2) for about two seconds, then released (version 3).
		await().atMost(E2E_WAIT)
			.until(() -> ticketsApi.get("/api/tickets/" + ticket).json().path("version").asLong() == 3);
		assertThat(ticketStatus(ticket)).isEqualTo("available");
		assertThat(order(buyer, order).path("status").asString()).isEqualTo("cancelled");
		assertThat(order(buyer, order).path("cancelReason").asString()).isEqualTo("expired");
		assertThat(cancellations(order)).isEqualTo(1);
	}

	@Test
	void holdsThatRunOutWhileOrdersServiceIsDownAreFreedWhenItIsBack() {
		// Only the instances started here run the expiry schedule.
		this.expiry.stop();
		try {
			List<UUID> tickets = new ArrayList<>();
			List<UUID> buyers = new ArrayList<>();
			List<String> orders = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				tickets.add(listThroughTicketsService(UUID.randomUUID()));
			}
			Instant lastDeadline;
			try (ConfigurableApplicationContext before = instance("--ticketing.orders.expiry-interval=PT1H")) {
				TestHttp api = new TestHttp(Integer.parseInt(before.getEnvironment().getProperty("local.server.port")));
				Instant deadline = Instant.MIN;
				for (UUID ticket : tickets) {
					UUID buyer = UUID.randomUUID();
					TestHttp.Response placed = api.postJson("/api/orders",
							TestHttp.json(Map.of("ticketId", ticket.toString())), bearer(buyer));
					assertThat(placed.status()).as(placed.body()).isEqualTo(201);
					buyers.add(buyer);
					orders.add(placed.json().path("id").asString());
					Instant expiresAt = Instant.parse(placed.json().path("expiresAt").asString());
					deadline = expiresAt.isAfter(deadline) ? expiresAt : deadline;
				}
				tickets.forEach((ticket) -> awaitTicketStatus(ticket, "reserved"));
				lastDeadline = deadline;
			}
			await().atMost(E2E_WAIT).until(() -> Instant.now().isAfter(lastDeadline.plusMillis(500)));
			tickets.forEach((ticket) -> assertThat(ticketStatus(ticket)).isEqualTo("reserved"));

			try (ConfigurableApplicationContext after = instance()) {
				tickets.forEach((ticket) -> awaitTicketStatus(ticket, "available"));
			}
			for (int i = 0; i < orders.size(); i++) {
				assertThat(order(buyers.get(i), orders.get(i)).path("cancelReason").asString()).isEqualTo("expired");
				assertThat(cancellations(orders.get(i))).isEqualTo(1);
			}
		}
		finally {
			this.expiry.start();
		}
	}

	private long cancellations(String order) {
		await().atMost(E2E_WAIT).until(() -> unsentEvents() == 0);
		return StreamMessages.about(this.nats, "ORDERS", order)
			.stream()
			.filter((message) -> message.subject().equals("orders.v1.order.cancelled"))
			.count();
	}

	private static ConfigurableApplicationContext instance(String... more) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--ticketing.messaging.url=" + NATS.url(),
				"--ticketing.orders.hold-window=PT2S"));
		args.addAll(List.of(more));
		return new SpringApplicationBuilder(OrdersApplication.class, TestSecurityConfiguration.class).profiles("test")
			.run(args.toArray(String[]::new));
	}

}
