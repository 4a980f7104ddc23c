package dev.ticketing.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.awaitility.Awaitility.await;

/**
 * payments-service started on a random port against the real PostgreSQL
 * ({@code ticketing_payments_test}) and a nats-server of the tests' own. Orders reach its
 * replica the way they do in production: as {@code orders.v1.>} events on NATS.
 */
public abstract class PaymentsIntegrationTest extends ServiceIntegrationTest {

	protected static final Duration WAIT = Duration.ofSeconds(20);

	protected static final long PRICE = 12_500;

	@Autowired
	protected MeterRegistry meters;

	/**
	 * An order as orders-service announces it.
	 */
	protected record PlacedOrder(UUID id, UUID buyer, UUID ticket, Instant expiresAt) {

	}

	/**
	 * Publishes {@code order.created} for a new order holding a ticket until
	 * {@code expiresAt} and waits until the replica has it.
	 */
	protected PlacedOrder placedOrder(UUID buyer, Instant expiresAt) {
		PlacedOrder order = new PlacedOrder(UUID.randomUUID(), buyer, UUID.randomUUID(), expiresAt);
		publish(Event.of(new OrderCreated(order.id(), 1, buyer, "created", expiresAt,
				new OrderCreated.Ticket(order.ticket(), PRICE, "EUR", null, null)), Instant.now()));
		awaitReplicaVersion(order.id(), 1);
		return order;
	}

	/** An order holding its ticket for another 15 minutes. */
	protected PlacedOrder placedOrder(UUID buyer) {
		return placedOrder(buyer, Instant.now().plus(Duration.ofMinutes(15)));
	}

	/** Publishes {@code order.cancelled} (version 2) as orders-service would. */
	protected Event<OrderCancelled> cancelled(PlacedOrder order, String reason) {
		Event<OrderCancelled> event = Event
			.of(new OrderCancelled(order.id(), 2, order.buyer(), new TicketRef(order.ticket()), reason), Instant.now());
		publish(event);
		return event;
	}

	/** Publishes {@code order.completed} (version 2) as orders-service would. */
	protected Event<OrderCompleted> completed(PlacedOrder order, UUID paymentId) {
		Event<OrderCompleted> event = Event.of(
				new OrderCompleted(order.id(), 2, order.buyer(), new TicketRef(order.ticket()), paymentId),
				Instant.now());
		publish(event);
		return event;
	}

	protected void awaitReplicaVersion(UUID orderId, long version) {
		await().atMost(WAIT).until(() -> replicaVersion(orderId) >= version);
	}

	/** The replica's version of an order, 0 if it has none. */
	protected long replicaVersion(UUID orderId) {
		return this.jdbc.sql("SELECT coalesce(max(version), 0) FROM order_replicas WHERE id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	protected Response pay(UUID buyer, Object orderId, String paymentMethod, String... headers) {
		List<String> all = new ArrayList<>(List.of(bearer(buyer)));
		all.addAll(List.of(headers));
		return this.http.postJson("/api/payments",
				TestHttp.json(Map.of("orderId", orderId.toString(), "paymentMethod", paymentMethod)),
				all.toArray(String[]::new));
	}

	protected Response payWithKey(UUID buyer, Object orderId, String paymentMethod, String idempotencyKey) {
		return pay(buyer, orderId, paymentMethod, "Idempotency-Key", idempotencyKey);
	}

	/** The rows of {@code payments} for an order, by status. */
	protected long payments(UUID orderId, String status) {
		return this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ? AND status = ?")
			.params(orderId, status)
			.query(Long.class)
			.single();
	}

	/** All rows of {@code payments} for an order. */
	protected long payments(UUID orderId) {
		return this.jdbc.sql("SELECT count(*) FROM payments WHERE order_id = ?")
			.param(orderId)
			.query(Long.class)
			.single();
	}

	/**
	 * How many charges the provider was asked for so far with this outcome
	 * ({@code succeeded}, {@code declined}, ...).
	 */
	protected double charges(String outcome) {
		Counter counter = this.meters.find("ticketing.payments.charges").tag("outcome", outcome).counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** How many refunds the provider made so far. */
	protected double refunds() {
		Counter counter = this.meters.find("ticketing.payments.refunds").tag("outcome", "succeeded").counter();
		return (counter != null) ? counter.count() : 0;
	}

	/** The {@code PAYMENTS} stream's messages of one type about an order. */
	protected List<Stored> paymentEvents(UUID orderId, String type) {
		return StreamMessages.all(this.nats, "PAYMENTS")
			.stream()
			.filter((message) -> message.subject().equals(type))
			.filter((message) -> message.body().path("data").path("orderId").asString().equals(orderId.toString()))
			.toList();
	}

}
