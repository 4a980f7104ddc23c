package dev.ticketing.payments.payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The late-payment saga at the level of events: a succeeded payment whose order is
 * cancelled is refunded once and {@code payment.refunded} is published once.
 */
class LatePaymentSagaIntegrationTests extends PaymentsIntegrationTest {

	@Test
	void aPaidOrderThatIsCancelledIsRefundedOnce() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		JsonNode payment = pay(buyer, order.id(), "pm_card_visa").json();
		double refundsBefore = refunds();

		Event<OrderCancelled> cancel = cancelled(order, "expired");

		await().atMost(WAIT).until(() -> payments(order.id(), "refunded") == 1);
		JsonNode shown = this.http.get("/api/payments/" + payment.path("id").asString(), bearer(buyer)).json();
		assertThat(shown.path("status").asString()).isEqualTo("refunded");
		assertThat(refunds() - refundsBefore).isEqualTo(1);
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.refunded").size() == 1);
		Stored refunded = paymentEvents(order.id(), "payments.v1.payment.refunded").getFirst();
		JsonNode data = refunded.body().path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "orderId", "amount", "currency", "reason");
		assertThat(data.path("id").asString()).isEqualTo(payment.path("id").asString());
		assertThat(data.path("amount").asLong()).isEqualTo(PRICE);
		assertThat(data.path("currency").asString()).isEqualTo("EUR");
		assertThat(data.path("reason").asString()).isEqualTo("order_cancelled");

		// The same cancellation redelivered, and announced again under a new message id:
		// nothing more is refunded.
		publish(cancel, UUID.randomUUID().toString());
		Event<OrderCancelled> again = Event
			.of(new OrderCancelled(order.id(), 2, buyer, new TicketRef(order.ticket()), "expired"), Instant.now());
		publish(again);
		await().atMost(WAIT).until(() -> processed(again));
		assertThat(refunds() - refundsBefore).isEqualTo(1);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.refunded")).hasSize(1);
	}

	@Test
	void aCancelledOrderWithoutAPaymentRefundsNothing() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		double refundsBefore = refunds();

		Event<OrderCancelled> cancel = cancelled(order, "user");

		await().atMost(WAIT).until(() -> processed(cancel));
		assertThat(refunds()).isEqualTo(refundsBefore);
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void aDeclinedAttemptThenACancelRefundsNothing() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		pay(buyer, order.id(), "pm_card_chargeDeclined").assertProblem(402, "payment_declined");
		double refundsBefore = refunds();

		Event<OrderCancelled> cancel = cancelled(order, "expired");

		await().atMost(WAIT).until(() -> processed(cancel));
		assertThat(refunds()).isEqualTo(refundsBefore);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.refunded")).isEmpty();
	}

	@Test
	void aCompletedOrderKeepsItsPayment() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		UUID payment = UUID.fromString(pay(buyer, order.id(), "pm_card_visa").json().path("id").asString());

		var complete = completed(order, payment);

		await().atMost(WAIT).until(() -> processed(complete));
		assertThat(payments(order.id(), "succeeded")).isEqualTo(1);
		List<Stored> refunded = paymentEvents(order.id(), "payments.v1.payment.refunded");
		assertThat(refunded).isEmpty();
	}

}
