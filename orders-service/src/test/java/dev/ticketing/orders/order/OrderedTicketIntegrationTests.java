package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.orders.OrdersIntegrationTest;
import dev.ticketing.orders.replica.TicketReplicas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An order records its ticket's seller and event time as the replica had them when it was
 * placed, and {@code order.created} carries them in {@code ticket} (DESIGN §3), also for
 * a ticket whose last event was written before tickets-service sent an event time.
 */
class OrderedTicketIntegrationTests extends OrdersIntegrationTest {

	private static final Instant EVENT_AT = Instant.parse("2027-06-19T19:30:00Z");

	@Autowired
	TicketReplicas replicas;

	@Autowired
	OrderRepository orders;

	@Test
	void orderCreatedCarriesTheSellerAndEventTimeOfTheTicketAsTheyWereWhenItWasPlaced() {
		UUID seller = UUID.randomUUID();
		UUID ticket = listedTicket(seller, EVENT_AT);
		assertThat(this.replicas.find(ticket).orElseThrow().eventAt()).isEqualTo(EVENT_AT);

		String id = placedOrder(UUID.randomUUID(), ticket).path("id").asString();

		JsonNode data = orderCreated(id);
		assertThat(data.path("ticket").propertyNames()).containsExactlyInAnyOrder("id", "price", "currency", "sellerId",
				"eventAt");
		assertThat(data.path("ticket").path("sellerId").asString()).isEqualTo(seller.toString());
		assertThat(Instant.parse(data.path("ticket").path("eventAt").asString())).isEqualTo(EVENT_AT);
		// The order keeps its own copy: a later state of the ticket does not change it.
		publish(Event.of(new TicketUpdated(ticket, 2, "Arctic Monkeys, floor", 12_500, 12_500L, "EUR", seller,
				EVENT_AT.plusSeconds(86_400), null, "reserved", UUID.fromString(id)), Instant.now()));
		await().atMost(WAIT).until(() -> replicaVersion(ticket) == 2);
		OrderedTicket stored = this.orders.find(UUID.fromString(id)).orElseThrow().ticket();
		assertThat(stored.sellerId()).isEqualTo(seller);
		assertThat(stored.eventAt()).isEqualTo(EVENT_AT);
	}

	@Test
	void aTicketEventWrittenBeforeTheAddedFieldsStillAppliesAndItsOrderCarriesNoEventTime() {
		UUID seller = UUID.randomUUID();
		UUID ticket = UUID.randomUUID();
		// tickets.v1.ticket.created as tickets-service wrote it before faceValue, eventAt
		// and
		// resoldFrom existed.
		String body = """
				{"id": "%s", "type": "tickets.v1.ticket.created", "occurredAt": "2026-11-25T10:15:30Z",
				 "data": {"id": "%s", "version": 1, "title": "Arctic Monkeys, floor", "price": 12500,
				          "currency": "EUR", "sellerId": "%s", "status": "available", "orderId": null}}"""
			.formatted(UUID.randomUUID(), ticket, seller);

		publishRaw("tickets.v1.ticket.created", utf8(body), UUID.randomUUID().toString());

		await().atMost(WAIT).until(() -> replicaVersion(ticket) == 1);
		assertThat(this.replicas.find(ticket).orElseThrow().eventAt()).isNull();
		String id = placedOrder(UUID.randomUUID(), ticket).path("id").asString();
		JsonNode data = orderCreated(id);
		assertThat(data.path("ticket").path("sellerId").asString()).isEqualTo(seller.toString());
		assertThat(data.path("ticket").has("eventAt")).isTrue();
		assertThat(data.path("ticket").path("eventAt").isNull()).isTrue();
		assertThat(this.orders.find(UUID.fromString(id)).orElseThrow().ticket().eventAt()).isNull();
	}

	@Test
	void anOrderPlacedBeforeOrdersRecordedSellerAndEventTimeStillReadsAndCancels() {
		UUID buyer = UUID.randomUUID();
		UUID ticket = listedTicket(UUID.randomUUID(), EVENT_AT);
		UUID id = UUID.randomUUID();
		// The row as orders-service wrote it before: without the ticket's seller and
		// event time.
		this.jdbc.sql("""
				INSERT INTO orders (id, user_id, ticket_id, ticket_title, ticket_price, ticket_currency, status,
				    expires_at, version, created_at, updated_at)
				VALUES (?, ?, ?, 'Arctic Monkeys, floor', 12500, 'EUR', 'created', now() + interval '15 minutes', 1,
				    now(), now())""").params(id, buyer, ticket).update();

		OrderedTicket stored = this.orders.find(id).orElseThrow().ticket();
		assertThat(stored.sellerId()).isNull();
		assertThat(stored.eventAt()).isNull();
		assertThat(order(buyer, id.toString()).path("ticket").path("price").asLong()).isEqualTo(12_500);
		assertThat(cancelOrder(buyer, id.toString()).status()).isEqualTo(204);

		List<Stored> messages = awaitPublished(id.toString(), 1);
		assertThat(messages).extracting(Stored::subject).containsExactly("orders.v1.order.cancelled");
	}

	/** The {@code data} of the order's {@code order.created} on the stream. */
	private JsonNode orderCreated(String orderId) {
		List<Stored> messages = awaitPublished(orderId, 1);
		assertThat(messages).extracting(Stored::subject).containsExactly("orders.v1.order.created");
		return messages.getFirst().body().path("data");
	}

}
