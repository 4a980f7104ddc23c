package dev.ticketing.tickets.reservation;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCancelled;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.messaging.DeadLetter;
import dev.ticketing.common.messaging.DeadLetters;
import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * tickets-service consuming {@code orders.v1.>} from a real nats-server: reservations,
 * releases and sales, each publishing {@code ticket.updated}; duplicates and reordering
 * change nothing twice; poison messages go to the dead-letter stream while later messages
 * keep flowing.
 */
class OrderEventsIntegrationTests extends TicketsIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	MeterRegistry meters;

	@Test
	void orderCreatedReservesTheTicketForThatOrderAndPublishesTicketUpdated() {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		UUID order = UUID.randomUUID();

		publish(OrderEvents.created(order, ticketId));

		JsonNode ticket = awaitStatus(ticketId, "reserved");
		assertThat(ticket.path("version").asLong()).isEqualTo(2);
		Stored updated = awaitEvents(ticketId, 2).get(1);
		assertThat(updated.subject()).isEqualTo("tickets.v1.ticket.updated");
		assertThat(updated.body().path("data").path("status").asString()).isEqualTo("reserved");
		assertThat(updated.body().path("data").path("orderId").asString()).isEqualTo(order.toString());
		assertThat(updated.body().path("data").path("version").asLong()).isEqualTo(2);
	}

	@Test
	void orderCancelledReleasesTheTicketAndOrderCompletedSellsIt() {
		String released = createTicket(UUID.randomUUID()).path("id").asString();
		UUID cancelledOrder = UUID.randomUUID();
		publish(OrderEvents.created(cancelledOrder, released));
		awaitStatus(released, "reserved");
		publish(OrderEvents.cancelled(cancelledOrder, released, 2));
		JsonNode available = awaitStatus(released, "available");
		assertThat(available.path("version").asLong()).isEqualTo(3);
		assertThat(awaitEvents(released, 3).get(2).body().path("data").path("orderId").isNull()).isTrue();

		String sold = createTicket(UUID.randomUUID()).path("id").asString();
		UUID paidOrder = UUID.randomUUID();
		publish(OrderEvents.created(paidOrder, sold));
		awaitStatus(sold, "reserved");
		publish(OrderEvents.completed(paidOrder, sold, 2));
		assertThat(awaitStatus(sold, "sold").path("version").asLong()).isEqualTo(3);
		Stored last = awaitEvents(sold, 3).get(2);
		assertThat(last.body().path("data").path("status").asString()).isEqualTo("sold");
		assertThat(last.body().path("data").path("orderId").asString()).isEqualTo(paidOrder.toString());
	}

	@Test
	void theSameEventDeliveredTwiceChangesTheTicketOnce() {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		Event<OrderCreated> event = OrderEvents.created(UUID.randomUUID(), ticketId);

		// Two copies in the stream: different Nats-Msg-Ids defeat JetStream's duplicate
		// window, as a republish after the window would.
		double duplicatesBefore = duplicatesSkipped();
		publish(event, "first-" + event.id());
		publish(event, "second-" + event.id());
		await().atMost(WAIT).until(() -> duplicatesSkipped() == duplicatesBefore + 1);

		JsonNode ticket = awaitStatus(ticketId, "reserved");
		assertThat(ticket.path("version").asLong()).isEqualTo(2);
		assertThat(awaitEvents(ticketId, 2)).hasSize(2);
	}

	@Test
	void aNewerEventOfTheSameOrderIsNotUndoneByAnOlderOne() {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		UUID order = UUID.randomUUID();
		Event<OrderCreated> creation = OrderEvents.created(order, ticketId);
		Event<OrderCancelled> cancellation = OrderEvents.cancelled(order, ticketId, 2);

		// The cancellation overtakes the creation.
		publish(cancellation);
		await().atMost(WAIT).until(() -> processed(cancellation));
		publish(creation);
		await().atMost(WAIT).until(() -> processed(creation));

		JsonNode ticket = ticket(ticketId);
		assertThat(ticket.path("status").asString()).isEqualTo("available");
		assertThat(ticket.path("version").asLong()).isEqualTo(1);
		assertThat(awaitEvents(ticketId, 1)).hasSize(1);
	}

	@Test
	void aCompletionSeenBeforeItsCreationSellsTheTicketOnce() {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		UUID order = UUID.randomUUID();
		Event<OrderCompleted> completion = OrderEvents.completed(order, ticketId, 2);
		Event<OrderCreated> creation = OrderEvents.created(order, ticketId);

		publish(completion);
		await().atMost(WAIT).until(() -> processed(completion));
		publish(creation);
		await().atMost(WAIT).until(() -> processed(creation));

		JsonNode ticket = ticket(ticketId);
		assertThat(ticket.path("status").asString()).isEqualTo("sold");
		assertThat(ticket.path("version").asLong()).isEqualTo(2);
	}

	@Test
	void aSecondOrderForAReservedTicketDoesNotTakeItOver() {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		UUID first = UUID.randomUUID();
		UUID second = UUID.randomUUID();
		publish(OrderEvents.created(first, ticketId));
		awaitStatus(ticketId, "reserved");
		Event<OrderCreated> intruder = OrderEvents.created(second, ticketId);
		publish(intruder);
		await().atMost(WAIT).until(() -> processed(intruder));
		// Cancelling the second order must not release the first order's hold.
		Event<OrderCancelled> intruderCancelled = OrderEvents.cancelled(second, ticketId, 2);
		publish(intruderCancelled);
		await().atMost(WAIT).until(() -> processed(intruderCancelled));

		assertThat(ticket(ticketId).path("status").asString()).isEqualTo("reserved");
		assertThat(ticket(ticketId).path("version").asLong()).isEqualTo(2);
	}

	@Test
	void poisonMessagesAreSetAsideWhileLaterMessagesKeepFlowing() throws Exception {
		String ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		String malformedId = "malformed-" + UUID.randomUUID();
		publishRaw("orders.v1.order.created", utf8("{\"id\": \"not json"), malformedId);
		UUID ghostTicket = UUID.randomUUID();
		Event<OrderCreated> unknownTicket = OrderEvents.created(UUID.randomUUID(), ghostTicket.toString());
		publish(unknownTicket);
		publish(OrderEvents.created(UUID.randomUUID(), ticketId));

		awaitStatus(ticketId, "reserved");
		await().atMost(WAIT).until(() -> deadLettersAbout(malformedId, unknownTicket.id().toString()).size() == 2);
		List<DeadLetter> letters = deadLettersAbout(malformedId, unknownTicket.id().toString());
		assertThat(letters).allSatisfy((letter) -> {
			assertThat(letter.reason()).isEqualTo("terminated");
			assertThat(letter.stream()).isEqualTo("ORDERS");
			assertThat(letter.consumer()).isEqualTo("tickets-service");
			assertThat(letter.subject()).isEqualTo("orders.v1.order.created");
		});
		assertThat(processed(unknownTicket)).isFalse();
	}

	private List<DeadLetter> deadLettersAbout(String malformedMessageId, String eventId) throws Exception {
		List<Stored> orders = StreamMessages.all(this.nats, "ORDERS");
		List<Long> sequences = orders.stream()
			.filter((message) -> malformedMessageId.equals(message.messageId())
					|| eventId.equals(message.body().path("id").asString()))
			.map(Stored::sequence)
			.toList();
		return this.deadLetters.list("tickets-service", 1000)
			.stream()
			.filter((letter) -> sequences.contains(letter.streamSequence()))
			.toList();
	}

	private double duplicatesSkipped() {
		Counter counter = this.meters.find("ticketing.events.consumed")
			.tags("consumer", "tickets-service", "subject", "orders.v1.order.created", "outcome", "duplicate")
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private JsonNode awaitStatus(String ticketId, String status) {
		await().atMost(WAIT).until(() -> status.equals(ticket(ticketId).path("status").asString()));
		return ticket(ticketId);
	}

	private List<Stored> awaitEvents(String ticketId, int count) {
		await().atMost(WAIT).until(() -> StreamMessages.about(this.nats, "TICKETS", ticketId).size() >= count);
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		return StreamMessages.about(this.nats, "TICKETS", ticketId);
	}

}
