package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.StreamMessages.Stored;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * NATS goes away mid-flow: the service keeps writing, its outbox keeps the events, and
 * when the same nats-server comes back (same store) every event is published exactly once
 * and the consumer resumes.
 */
class NatsOutageIntegrationTests extends MessagingIntegrationTest {

	@Test
	void eventsWrittenWhileNatsIsDownArePublishedOnceWhenItReturns() {
		UUID seller = UUID.randomUUID();
		String before = list(seller);
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
			during.add(list(seller));
		}
		assertThat(unsentFor(seller)).isEqualTo(20);

		NATS.restart();
		await().atMost(Duration.ofSeconds(30)).until(() -> unsentFor(seller) == 0);
		List<Stored> published = StreamMessages.all(this.nats, "TICKETS");
		for (String id : during) {
			assertThat(published).filteredOn((message) -> message.dataId().equals(id))
				.as("messages about listing %s", id)
				.hasSize(1);
		}
		assertThat(published).filteredOn((message) -> message.dataId().equals(before)).hasSize(1);

		// The durable consumer is back too.
		UUID order = UUID.randomUUID();
		publish(orderCreated(order, during.getFirst()));
		await().atMost(Duration.ofSeconds(20)).until(() -> held(order));
	}

}
