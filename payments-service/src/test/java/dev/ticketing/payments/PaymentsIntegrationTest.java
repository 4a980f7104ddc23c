package dev.ticketing.payments;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.testing.ServiceIntegrationTest;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestTokens;
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

	/**
	 * Publishes {@code order.created} for a new order of a seller's ticket, with its
	 * event time, and waits until the replica has it.
	 */
	protected PlacedOrder placedOrder(UUID buyer, UUID seller, long price, String currency, @Nullable Instant eventAt) {
		PlacedOrder order = new PlacedOrder(UUID.randomUUID(), buyer, UUID.randomUUID(),
				Instant.now().plus(Duration.ofMinutes(15)));
		publish(Event.of(new OrderCreated(order.id(), 1, buyer, "created", order.expiresAt(),
				new OrderCreated.Ticket(order.ticket(), price, currency, seller, eventAt)), Instant.now()));
		awaitReplicaVersion(order.id(), 1);
		return order;
	}

	/**
	 * A completed sale of a seller's ticket: ordered, paid through the API, completed as
	 * orders-service announces it; returns once its money is in escrow.
	 */
	protected Sale sale(UUID seller, long price, String currency, @Nullable Instant eventAt) {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer, seller, price, currency, eventAt);
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		if (paid.status() != 201) {
			throw new IllegalStateException("Paying failed: " + paid.body());
		}
		UUID payment = UUID.fromString(paid.json().path("id").asString());
		completed(order, payment);
		await().atMost(WAIT)
			.until(() -> this.jdbc.sql("SELECT count(*) FROM escrows WHERE order_id = ?")
				.param(order.id())
				.query(Long.class)
				.single() == 1);
		return new Sale(order, seller, payment, price, currency);
	}

	/** A sold ticket's order and payment. */
	protected record Sale(PlacedOrder order, UUID seller, UUID payment, long amount, String currency) {

	}

	/** {@code Authorization} header values for a support agent. */
	protected static String[] support(UUID agent) {
		return new String[] { "Authorization", TestTokens.bearer(agent, Roles.SUPPORT) };
	}

	/** The ledger's total per currency over every entry: 0 if every journal balances. */
	protected Map<String, Long> ledgerTotals() {
		Map<String, Long> totals = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT currency, sum(amount) FROM ledger_entries GROUP BY currency")
			.query((rs, row) -> totals.put(rs.getString(1), rs.getLong(2)))
			.list();
		return totals;
	}

	/** Journals whose entries do not sum to 0 in some currency: none, ever. */
	protected long unbalancedJournals() {
		return this.jdbc
			.sql("SELECT count(*) FROM (SELECT journal_id FROM ledger_entries GROUP BY journal_id, currency"
					+ " HAVING sum(amount) <> 0) AS unbalanced")
			.query(Long.class)
			.single();
	}

	/** The journal kinds written about a reference, in order. */
	protected List<String> journals(UUID reference) {
		return this.jdbc.sql("SELECT kind FROM ledger_journals WHERE reference = ? ORDER BY created_at, kind")
			.param(reference)
			.query(String.class)
			.list();
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
