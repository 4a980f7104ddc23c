package dev.ticketing.tickets.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.tickets.TicketsIntegrationTest;
import dev.ticketing.tickets.reservation.OrderEvents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * NATS goes away mid-flow: tickets-service keeps taking requests, its outbox keeps the
 * events, and when the same nats-server comes back (same store) every event is published
 * exactly once and the consumer resumes.
 */
class NatsOutageIntegrationTests extends TicketsIntegrationTest {

	@Test
	void eventsWrittenWhileNatsIsDownArePublishedOnceWhenItReturns() {
		UUID seller = UUID.randomUUID();
		String before = createTicket(seller).path("id").asString();
		await().atMost(Duration.ofSeconds(15))
			.until(() -> StreamMessages.about(this.nats, "TICKETS", before).size() == 1);

		NATS.stop();
		try {
			writeDuringOutageThenRecover(seller, before);
		}
		finally {
			NATS.restart();
		}
	}

	private void writeDuringOutageThenRecover(UUID seller, String before) {
		await().atMost(Duration.ofSeconds(15)).until(() -> this.nats.getStatus() != Connection.Status.CONNECTED);
		List<String> during = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			during.add(createTicket(seller, "title", "Written during the outage " + i).path("id").asString());
		}
		assertThat(unsentFor(seller)).isEqualTo(20);

		NATS.restart();
		await().atMost(Duration.ofSeconds(30)).until(() -> unsentFor(seller) == 0);
		List<Stored> published = StreamMessages.all(this.nats, "TICKETS");
		for (String id : during) {
			assertThat(published).filteredOn((message) -> message.dataId().equals(id))
				.as("messages about ticket %s", id)
				.hasSize(1);
		}
		assertThat(published).filteredOn((message) -> message.dataId().equals(before)).hasSize(1);

		// The durable consumer is back too.
		publish(OrderEvents.created(UUID.randomUUID(), during.getFirst()));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "reserved".equals(ticket(during.getFirst()).path("status").asString()));
	}

}
