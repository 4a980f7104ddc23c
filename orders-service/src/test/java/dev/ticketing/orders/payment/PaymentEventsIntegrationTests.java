package dev.ticketing.orders.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.messaging.DeadLetters;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * orders-service consuming {@code payments.v1.>}: {@code payment.succeeded} completes a
 * {@code created} order once and publishes {@code order.completed}; it never completes a
 * cancelled order.
 */
class PaymentEventsIntegrationTests extends OrdersIntegrationTest {

	@Autowired
	DeadLetters deadLetters;

	@Test
	void aSucceededPaymentCompletesTheOrderAndPublishesOrderCompleted() {
		UUID buyer = UUID.randomUUID();
		String id = placedOrder(buyer, listedTicket(UUID.randomUUID())).path("id").asString();
		UUID payment = UUID.randomUUID();

		publish(paid(payment, id));

		await().atMost(WAIT).until(() -> "complete".equals(order(buyer, id).path("status").asString()));
		JsonNode order = order(buyer, id);
		assertThat(order.path("version").asLong()).isEqualTo(2);
		assertThat(order.path("cancelReason").isNull()).isTrue();
		List<Stored> completed = events(id, "orders.v1.order.completed");
		assertThat(completed).hasSize(1);
		JsonNode data = completed.getFirst().body().path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "version", "userId", "ticket", "paymentId");
		assertThat(data.path("paymentId").asString()).isEqualTo(payment.toString());
		assertThat(data.path("version").asLong()).isEqualTo(2);
	}

	@Test
	void theSamePaymentAnnouncedTwiceCompletesTheOrderOnce() {
		UUID buyer = UUID.randomUUID();
		String id = placedOrder(buyer, listedTicket(UUID.randomUUID())).path("id").asString();
		UUID payment = UUID.randomUUID();
		Event<PaymentSucceeded> first = paid(payment, id);
		Event<PaymentSucceeded> again = paid(payment, id);

		publish(first);
		publish(first, "redelivered-" + first.id());
		publish(again);
		await().atMost(WAIT).until(() -> processed(again) && processed(first));

		assertThat(order(buyer, id).path("version").asLong()).isEqualTo(2);
		assertThat(events(id, "orders.v1.order.completed")).hasSize(1);
	}

	@Test
	void aPaymentForACancelledOrderDoesNotCompleteIt() {
		UUID buyer = UUID.randomUUID();
		String id = placedOrder(buyer, listedTicket(UUID.randomUUID())).path("id").asString();
		assertThat(cancelOrder(buyer, id).status()).isEqualTo(204);
		Event<PaymentSucceeded> late = paid(UUID.randomUUID(), id);

		publish(late);
		await().atMost(WAIT).until(() -> processed(late));

		JsonNode order = order(buyer, id);
		assertThat(order.path("status").asString()).isEqualTo("cancelled");
		assertThat(order.path("version").asLong()).isEqualTo(2);
		assertThat(events(id, "orders.v1.order.completed")).isEmpty();
	}

	@Test
	void aCompleteOrderCannotBeCancelled() {
		UUID buyer = UUID.randomUUID();
		String id = placedOrder(buyer, listedTicket(UUID.randomUUID())).path("id").asString();
		publish(paid(UUID.randomUUID(), id));
		await().atMost(WAIT).until(() -> "complete".equals(order(buyer, id).path("status").asString()));

		cancelOrder(buyer, id).assertProblem(409, "order_not_cancellable");
		assertThat(order(buyer, id).path("status").asString()).isEqualTo("complete");
		assertThat(events(id, "orders.v1.order.cancelled")).isEmpty();
	}

	@Test
	void aPaymentForAnUnknownOrderIsSetAside() throws Exception {
		Event<PaymentSucceeded> stray = paid(UUID.randomUUID(), UUID.randomUUID().toString());
		publish(stray);

		await().atMost(WAIT)
			.until(() -> this.deadLetters.list("orders-service", 1000)
				.stream()
				.anyMatch((letter) -> letter.body() != null && letter.body().contains(stray.id().toString())));
		assertThat(processed(stray)).isFalse();
	}

	private static Event<PaymentSucceeded> paid(UUID payment, String orderId) {
		return Event.of(new PaymentSucceeded(payment, UUID.fromString(orderId), 12_500, "EUR", "simulated",
				"pi_" + payment.toString().substring(0, 8)), Instant.now());
	}

	private List<Stored> events(String orderId, String subject) {
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		return StreamMessages.about(this.nats, "ORDERS", orderId)
			.stream()
			.filter((message) -> message.subject().equals(subject))
			.toList();
	}

}
