package dev.ticketing.payments.endtoend;

import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The late-payment saga across the three services, with a hold window of a few seconds: a
 * payment that is still at the provider when the hold runs out is taken, then refunded
 * because orders-service cancelled the order, and the ticket is back on sale; a payment
 * for an order already cancelled is refused before anything is charged.
 */
class LatePaymentEndToEndTests extends WithTicketsAndOrdersServices {

	/**
	 * Long enough for the order to reach payments' replica and the charge to start before
	 * it runs out on a busy machine; short enough to wait for.
	 */
	private static final String HOLD_WINDOW = "PT6S";

	private static final String CANCELLED = "orders.v1.order.cancelled";

	@BeforeAll
	static void startServices() {
		startTicketsAndOrders(HOLD_WINDOW);
	}

	@Test
	void anOrderThatExpiresWhileItsPaymentIsInFlightEndsCancelledWithThePaymentRefunded() throws Exception {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		double refundsBefore = refunds();
		double retriedBefore = consumed(CANCELLED, "retried") + consumed(CANCELLED, "dead_lettered");
		GatedPaymentProvider.Gate gate = this.provider.closeFor(order);
		ExecutorService payer = Executors.newSingleThreadExecutor();
		try {
			Future<Response> payment = payer.submit(() -> payAndWait(buyer, order, "pm_card_visa"));

			// The charge passed every check while the hold ran and is at the provider...
			await().atMost(E2E_WAIT).until(() -> gate.entered() || payment.isDone());
			assertThat(gate.entered())
				.as("the charge reached the provider; the request answered %s",
						payment.isDone() ? payment.get().body() : "nothing yet")
				.isTrue();
			// ...while the hold runs out: orders-service cancels the order, and
			// tickets-service puts the ticket back on sale (version 3).
			JsonNode cancelled = awaitOrderStatus(buyer, order, "cancelled");
			assertThat(cancelled.path("cancelReason").asString()).isEqualTo("expired");
			long cancelledVersion = cancelled.path("version").asLong();
			assertThat(cancelledVersion).isEqualTo(2);
			JsonNode released = awaitTicket(ticket, "available", 3);
			// payments' consumer, applying order.cancelled, waits for the charge's lock
			// on the order; the gate stays closed only until then (well within the ack
			// wait: a consumer held past ack wait x max deliver would see its message
			// dead-lettered by the server although it is then applied).
			await().atMost(E2E_WAIT).until(() -> replicaWritesWaitingForALock() > 0);
			gate.open();

			// The charge was accepted before the hold ran out: the payer gets it...
			Response paid = payment.get(E2E_WAIT.toSeconds(), TimeUnit.SECONDS);
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			String paymentId = paid.json().path("id").asString();
			assertThat(paid.json().path("status").asString()).isEqualTo("succeeded");

			// ...and then back, as the order is cancelled.
			await().atMost(E2E_WAIT)
				.until(() -> "refunded".equals(paymentsListed(buyer, order).path(0).path("status").asString()));
			assertThat(paymentsListed(buyer, order)).singleElement()
				.satisfies((listed) -> assertThat(listed.path("id").asString()).isEqualTo(paymentId));
			assertThat(payments(order, "refunded")).isEqualTo(1);
			assertThat(payments(order, "succeeded")).isZero();
			assertThat(refunds()).isEqualTo(refundsBefore + 1);

			awaitEventsAboutPublished(order);
			assertThat(paymentEvents(order, "payments.v1.payment.refunded")).singleElement().satisfies((event) -> {
				assertThat(event.dataId()).isEqualTo(paymentId);
				assertThat(event.body().path("data").path("reason").asString()).isEqualTo("order_cancelled");
				assertThat(event.body().path("data").path("amount").asLong()).isEqualTo(PRICE);
			});
			assertThat(paymentEvents(order, "payments.v1.payment.succeeded")).hasSize(1);
			Stored succeeded = paymentEvents(order, "payments.v1.payment.succeeded").getFirst();
			assertThat(succeeded.dataId()).isEqualTo(paymentId);

			// orders-service has handled the payment and did not complete the order: it
			// is still the cancelled version, and the ticket is still on sale.
			awaitOrdersServiceConsumed(succeeded);
			JsonNode after = orderInOrdersService(buyer, order);
			assertThat(after.path("status").asString()).isEqualTo("cancelled");
			assertThat(after.path("cancelReason").asString()).isEqualTo("expired");
			assertThat(after.path("version").asLong()).isEqualTo(cancelledVersion);
			assertThat(orderEvents(order, "orders.v1.order.completed")).isEmpty();
			assertThat(orderEvents(order, CANCELLED)).hasSize(1);
			JsonNode ticketAfter = ticketInTicketsService(ticket);
			assertThat(ticketAfter.path("status").asString()).isEqualTo("available");
			assertThat(ticketAfter.path("version").asLong()).isEqualTo(released.path("version").asLong());
			assertThat(replicaVersion(order)).isEqualTo(cancelledVersion);
			assertThat(refunds()).isEqualTo(refundsBefore + 1);
			// Waiting for the lock failed nothing: order.cancelled was applied at its
			// first try (a redelivery after the ack wait would only be a duplicate).
			assertThat(consumed(CANCELLED, "retried") + consumed(CANCELLED, "dead_lettered")).isEqualTo(retriedBefore);
		}
		finally {
			gate.open();
			payer.shutdownNow();
		}
	}

	/**
	 * How many {@code subject} events payments' consumer has handled with this outcome.
	 */
	private double consumed(String subject, String outcome) {
		Counter counter = this.meters.find("ticketing.events.consumed")
			.tag("consumer", this.serviceName)
			.tag("subject", subject)
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@Test
	void payingAnOrderTheBuyerCancelledIs409AndChargesNothing() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));

		assertThat(cancelThroughOrdersService(buyer, order).status()).isEqualTo(204);
		await().atMost(E2E_WAIT).until(() -> replicaVersion(order) == 2);
		double chargedBefore = charges("succeeded");
		double declinedBefore = charges("declined");

		pay(buyer, order, "pm_card_visa").assertProblem(409, "order_cancelled");

		assertThat(charges("succeeded")).isEqualTo(chargedBefore);
		assertThat(charges("declined")).isEqualTo(declinedBefore);
		assertThat(payments(order)).isZero();
		assertThat(unsentEventsAbout(order)).isZero();
		assertThat(paymentsListed(buyer, order)).isEmpty();
		JsonNode cancelled = orderInOrdersService(buyer, order);
		assertThat(cancelled.path("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.path("cancelReason").asString()).isEqualTo("user");
		assertThat(awaitTicket(ticket, "available", 3).path("version").asLong()).isEqualTo(3);
	}

}
