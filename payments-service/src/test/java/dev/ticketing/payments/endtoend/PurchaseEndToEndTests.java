package dev.ticketing.payments.endtoend;

import java.util.UUID;

import io.nats.client.Connection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purchase across the three services, with a hold window long enough never to run out:
 * the payment completes the order in orders-service and sells the ticket in
 * tickets-service, once, whatever the retries, declines and NATS restarts on the way.
 */
class PurchaseEndToEndTests extends WithTicketsAndOrdersServices {

	private static final String SUCCEEDED = "payments.v1.payment.succeeded";

	private static final String REFUNDED = "payments.v1.payment.refunded";

	private static final String COMPLETED = "orders.v1.order.completed";

	private static final String CANCELLED = "orders.v1.order.cancelled";

	@BeforeAll
	static void startServices() {
		startTicketsAndOrders("PT15M");
	}

	@Test
	void aPaymentCompletesTheOrderAndSellsTheTicket() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		awaitTicket(ticket, "reserved", 2);

		Response paid = pay(buyer, order, "pm_card_visa");

		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		String payment = paid.json().path("id").asString();
		assertThat(paid.json().path("orderId").asString()).isEqualTo(order.toString());
		assertThat(paid.json().path("amount").asLong()).isEqualTo(PRICE);
		assertThat(paid.json().path("currency").asString()).isEqualTo("EUR");
		assertThat(paid.json().path("status").asString()).isEqualTo("succeeded");

		JsonNode completed = awaitOrderStatus(buyer, order, "complete");
		assertThat(completed.path("version").asLong()).isEqualTo(2);
		await().atMost(E2E_WAIT).until(() -> orderEvents(order, COMPLETED).size() == 1);
		assertThat(orderEvents(order, COMPLETED).getFirst().body().path("data").path("paymentId").asString())
			.isEqualTo(payment);
		JsonNode sold = awaitTicket(ticket, "sold", 3);
		assertThat(sold.path("version").asLong()).isEqualTo(3);

		// Paid, whether or not payments' replica has heard of the completion yet, and
		// once it has.
		pay(buyer, order, "pm_card_visa").assertProblem(409, "order_paid");
		await().atMost(E2E_WAIT).until(() -> replicaVersion(order) == 2);
		pay(buyer, order, "pm_card_visa").assertProblem(409, "order_paid");

		awaitEventsAboutPublished(order);
		assertThat(paymentEvents(order, SUCCEEDED)).singleElement()
			.satisfies((event) -> assertThat(event.dataId()).isEqualTo(payment));
		assertThat(paymentEvents(order, REFUNDED)).isEmpty();
		assertThat(payments(order)).isEqualTo(1);
		assertThat(paymentsListed(buyer, order)).singleElement()
			.satisfies((listed) -> assertThat(listed.path("status").asString()).isEqualTo("succeeded"));
	}

	@Test
	void aDeclinedCardIs402AndLeavesTheOrderHeldForAnotherCard() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		awaitTicket(ticket, "reserved", 2);
		double declinedBefore = charges("declined");

		JsonNode problem = pay(buyer, order, "pm_card_chargeDeclined").assertProblem(402, "payment_declined");

		assertThat(problem.path("detail").asString()).isEqualTo("Your card was declined.");
		assertThat(charges("declined")).isEqualTo(declinedBefore + 1);
		assertThat(payments(order)).isZero();
		assertThat(unsentEventsAbout(order)).isZero();
		assertThat(orderInOrdersService(buyer, order).path("status").asString()).isEqualTo("created");

		// Events flow past the decline: another card completes the order, and it went
		// straight from created (version 1) to complete (version 2), the ticket from
		// reserved (2) to sold (3): the decline changed nothing on the way.
		Response paid = pay(buyer, order, "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(awaitOrderStatus(buyer, order, "complete").path("version").asLong()).isEqualTo(2);
		assertThat(awaitTicket(ticket, "sold", 3).path("version").asLong()).isEqualTo(3);
		awaitEventsAboutPublished(order);
		assertThat(paymentEvents(order, SUCCEEDED)).singleElement()
			.satisfies((event) -> assertThat(event.dataId()).isEqualTo(paid.json().path("id").asString()));
		assertThat(paymentEvents(order, REFUNDED)).isEmpty();
		assertThat(orderEvents(order, CANCELLED)).isEmpty();
		assertThat(payments(order)).isEqualTo(1);
	}

	@Test
	void aRetryWithTheIdempotencyKeyReplaysThePaymentAndTheOrderIsCompletedOnce() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		String key = "checkout-" + UUID.randomUUID();
		double chargedBefore = charges("succeeded");

		Response first = payWithKey(buyer, order, "pm_card_visa", key);
		Response retry = payWithKey(buyer, order, "pm_card_visa", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isEmpty();
		String payment = first.json().path("id").asString();
		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(charges("succeeded")).isEqualTo(chargedBefore + 1);
		assertThat(payments(order)).isEqualTo(1);

		assertThat(awaitOrderStatus(buyer, order, "complete").path("version").asLong()).isEqualTo(2);
		assertThat(awaitTicket(ticket, "sold", 3).path("version").asLong()).isEqualTo(3);
		// The key still replays the first payment once the order is complete.
		Response later = payWithKey(buyer, order, "pm_card_visa", key);
		assertThat(later.status()).as(later.body()).isEqualTo(201);
		assertThat(later.json().path("id").asString()).isEqualTo(payment);

		awaitEventsAboutPublished(order);
		assertThat(paymentEvents(order, SUCCEEDED)).hasSize(1);
		Stored succeeded = paymentEvents(order, SUCCEEDED).getFirst();
		awaitOrdersServiceConsumed(succeeded);
		await().atMost(E2E_WAIT).until(() -> !orderEvents(order, COMPLETED).isEmpty());
		assertThat(orderEvents(order, COMPLETED)).singleElement()
			.satisfies(
					(event) -> assertThat(event.body().path("data").path("paymentId").asString()).isEqualTo(payment));
		assertThat(charges("succeeded")).isEqualTo(chargedBefore + 1);
		assertThat(payments(order)).isEqualTo(1);
	}

	@Test
	void aPurchaseCompletesAcrossANatsRestartBetweenOrderingAndPaying() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		awaitTicket(ticket, "reserved", 2);

		String payment;
		stopNats();
		try {
			// Taking the payment needs no NATS: its event waits in the outbox.
			Response paid = pay(buyer, order, "pm_card_visa");
			assertThat(paid.status()).as(paid.body()).isEqualTo(201);
			payment = paid.json().path("id").asString();
			assertThat(unsentEventsAbout(order)).isEqualTo(1);
			assertThat(orderInOrdersService(buyer, order).path("status").asString()).isEqualTo("created");
		}
		finally {
			NATS.restart();
		}

		await().atMost(E2E_WAIT).until(() -> this.nats.getStatus() == Connection.Status.CONNECTED);
		// The test database is shared: a payments-service test context of another build
		// running meanwhile could publish the row to its own nats-server.
		await("payment.succeeded in this test's PAYMENTS stream").atMost(E2E_WAIT)
			.until(() -> paymentEvents(order, SUCCEEDED).size() == 1);
		assertThat(awaitOrderStatus(buyer, order, "complete").path("version").asLong()).isEqualTo(2);
		assertThat(awaitTicket(ticket, "sold", 3).path("version").asLong()).isEqualTo(3);
		awaitEventsAboutPublished(order);
		await().atMost(E2E_WAIT).until(() -> orderEvents(order, COMPLETED).size() == 1);
		assertThat(orderEvents(order, COMPLETED).getFirst().body().path("data").path("paymentId").asString())
			.isEqualTo(payment);
		assertThat(paymentEvents(order, SUCCEEDED)).singleElement()
			.satisfies((event) -> assertThat(event.dataId()).isEqualTo(payment));
		assertThat(payments(order)).isEqualTo(1);
	}

}
