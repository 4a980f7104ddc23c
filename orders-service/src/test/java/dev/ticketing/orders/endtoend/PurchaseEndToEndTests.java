package dev.ticketing.orders.endtoend;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order reserves the ticket in tickets-service, the buyer's cancellation releases it,
 * and a payment completes the order and sells the ticket; a complete order cannot be
 * cancelled.
 */
class PurchaseEndToEndTests extends WithTicketsService {

	@Test
	void cancellingAnOrderReleasesTheTicketInTicketsService() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		String order = placedOrder(buyer, ticket).path("id").asString();
		awaitTicketStatus(ticket, "reserved");

		assertThat(cancelOrder(buyer, order).status()).isEqualTo(204);

		awaitTicketStatus(ticket, "available");
		assertThat(order(buyer, order).path("cancelReason").asString()).isEqualTo("user");
		// Once orders' replica has caught up, the ticket can be ordered again.
		await().atMost(E2E_WAIT).until(() -> replicaVersion(ticket) == 3);
		assertThat(placeOrder(UUID.randomUUID(), ticket).status()).isEqualTo(201);
		awaitTicketStatus(ticket, "reserved");
	}

	@Test
	void aPaidOrderCompletesSellsTheTicketAndCannotBeCancelled() {
		UUID ticket = listThroughTicketsService(UUID.randomUUID());
		UUID buyer = UUID.randomUUID();
		String order = placedOrder(buyer, ticket).path("id").asString();
		awaitTicketStatus(ticket, "reserved");

		publish(Event.of(
				new PaymentSucceeded(UUID.randomUUID(), UUID.fromString(order), 12_500, "EUR", "simulated", "pi_e2e"),
				Instant.now()));

		await().atMost(E2E_WAIT).until(() -> "complete".equals(order(buyer, order).path("status").asString()));
		awaitTicketStatus(ticket, "sold");
		cancelOrder(buyer, order).assertProblem(409, "order_not_cancellable");
		assertThat(ticketStatus(ticket)).isEqualTo("sold");
		await().atMost(E2E_WAIT).until(() -> replicaVersion(ticket) == 3);
		placeOrder(UUID.randomUUID(), ticket).assertProblem(409, "ticket_unavailable");
	}

}
