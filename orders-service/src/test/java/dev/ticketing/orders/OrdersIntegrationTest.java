package dev.ticketing.orders;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.tickets.v1.TicketCreated;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;
import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * orders-service started on a random port against the real PostgreSQL
 * ({@code ticketing_orders_test}) and a nats-server of the tests' own. Tickets reach its
 * replica the way they do in production: as {@code tickets.v1.>} events on NATS.
 */
public abstract class OrdersIntegrationTest extends ServiceIntegrationTest {

	protected static final Duration WAIT = Duration.ofSeconds(20);

	/**
	 * Publishes a new available ticket as tickets-service would and waits until the
	 * replica has it.
	 * @return the ticket id
	 */
	protected UUID listedTicket(UUID seller) {
		return listedTicket(seller, null);
	}

	/**
	 * Publishes a new available ticket for an event at {@code eventAt} (none if null) and
	 * waits until the replica has it.
	 * @return the ticket id
	 */
	protected UUID listedTicket(UUID seller, Instant eventAt) {
		UUID id = UUID.randomUUID();
		Event<TicketCreated> event = Event.of(new TicketCreated(id, 1, "Arctic Monkeys, floor", 12_500, 12_500L, "EUR",
				seller, eventAt, null, "available", null), Instant.now());
		publish(event);
		await().atMost(WAIT).until(() -> replicaVersion(id) == 1);
		return id;
	}

	/** Publishes a newer state of a ticket and waits until the replica has it. */
	protected void ticketBecomes(UUID id, UUID seller, long version, String status, UUID orderId) {
		publish(Event.of(new TicketUpdated(id, version, "Arctic Monkeys, floor", 12_500, 12_500L, "EUR", seller, null,
				null, status, orderId), Instant.now()));
		await().atMost(WAIT).until(() -> replicaVersion(id) >= version);
	}

	/** The replica's version of a ticket, 0 if it has none. */
	protected long replicaVersion(UUID ticketId) {
		return this.jdbc.sql("SELECT coalesce(max(version), 0) FROM ticket_replicas WHERE id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

	protected Response placeOrder(UUID buyer, Object ticketId) {
		return this.http.postJson("/api/orders", TestHttp.json(Map.of("ticketId", ticketId.toString())), bearer(buyer));
	}

	/** Places an order that must succeed and returns it. */
	protected JsonNode placedOrder(UUID buyer, UUID ticketId) {
		Response response = placeOrder(buyer, ticketId);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.json();
	}

	protected JsonNode order(UUID buyer, String id) {
		Response response = this.http.get("/api/orders/" + id, bearer(buyer));
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	protected Response cancelOrder(UUID buyer, String id) {
		return this.http.send("DELETE", "/api/orders/" + id, java.net.http.HttpRequest.BodyPublishers.noBody(),
				bearer(buyer));
	}

	/**
	 * The messages published about an order, once the outbox has nothing left to send and
	 * the stream holds at least {@code count} of them.
	 */
	protected List<Stored> awaitPublished(String orderId, int count) {
		await().atMost(WAIT)
			.until(() -> unsentEvents() == 0 && StreamMessages.about(this.nats, "ORDERS", orderId).size() >= count);
		return StreamMessages.about(this.nats, "ORDERS", orderId);
	}

	/** How many rows the orders table has for a ticket. */
	protected long ordersFor(UUID ticketId) {
		return this.jdbc.sql("SELECT count(*) FROM orders WHERE ticket_id = ?")
			.param(ticketId)
			.query(Long.class)
			.single();
	}

}
