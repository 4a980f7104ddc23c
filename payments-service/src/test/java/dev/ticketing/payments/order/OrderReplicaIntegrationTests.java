package dev.ticketing.payments.order;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order replica applies only newer versions: duplicates and reordering never corrupt
 * it, and what it says decides the answer to a payment.
 */
class OrderReplicaIntegrationTests extends PaymentsIntegrationTest {

	@Test
	void aCancelArrivingBeforeTheCreationWins() {
		UUID buyer = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		publish(Event.of(new OrderCancelled(id, 2, buyer, new TicketRef(ticket), "user"), Instant.now()));
		awaitReplicaVersion(id, 2);
		Event<OrderCreated> late = created(id, buyer, ticket);

		publish(late);
		await().atMost(WAIT).until(() -> processed(late));

		assertThat(replicaVersion(id)).isEqualTo(2);
		assertThat(status(id)).isEqualTo("cancelled");
		pay(buyer, id, "pm_card_visa").assertProblem(409, "order_cancelled");
		assertThat(payments(id)).isZero();
	}

	@Test
	void aCompletionArrivingBeforeTheCreationWins() {
		UUID buyer = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		publish(Event.of(new OrderCompleted(id, 2, buyer, new TicketRef(ticket), UUID.randomUUID()), Instant.now()));
		awaitReplicaVersion(id, 2);
		Event<OrderCreated> late = created(id, buyer, ticket);

		publish(late);
		await().atMost(WAIT).until(() -> processed(late));

		assertThat(status(id)).isEqualTo("complete");
		pay(buyer, id, "pm_card_visa").assertProblem(409, "order_paid");
	}

	@Test
	void aStatusEventKeepsThePriceAndHoldOfTheCreation() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);

		cancelled(order, "user");
		awaitReplicaVersion(order.id(), 2);

		assertThat(this.jdbc.sql("SELECT amount FROM order_replicas WHERE id = ?")
			.param(order.id())
			.query(Long.class)
			.single()).isEqualTo(PRICE);
		assertThat(this.jdbc.sql("SELECT currency FROM order_replicas WHERE id = ?")
			.param(order.id())
			.query(String.class)
			.single()).isEqualTo("EUR");
	}

	@Test
	void aDuplicateCreationChangesNothing() {
		UUID buyer = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		publish(created(id, buyer, ticket));
		awaitReplicaVersion(id, 1);
		// The same version again with another price (a bug upstream) is not applied.
		Event<OrderCreated> duplicate = Event.of(new OrderCreated(id, 1, buyer, "created",
				Instant.now().plus(Duration.ofMinutes(15)), new OrderCreated.Ticket(ticket, 1, "EUR", null, null)),
				Instant.now());

		publish(duplicate);
		await().atMost(WAIT).until(() -> processed(duplicate));

		assertThat(pay(buyer, id, "pm_card_visa").json().path("amount").asLong()).isEqualTo(PRICE);
	}

	private static Event<OrderCreated> created(UUID id, UUID buyer, UUID ticket) {
		return Event.of(new OrderCreated(id, 1, buyer, "created", Instant.now().plus(Duration.ofMinutes(15)),
				new OrderCreated.Ticket(ticket, PRICE, "EUR", null, null)), Instant.now());
	}

	private String status(UUID id) {
		return this.jdbc.sql("SELECT status FROM order_replicas WHERE id = ?").param(id).query(String.class).single();
	}

}
