package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.ConsumerContext;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.testing.StreamMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bounded redelivery, the dead-letter stream and replay, with a second durable consumer
 * ({@code messaging-retry-probe}) on the {@code ORDERS} stream whose handler fails for
 * chosen orders, as a handler does while a dependency is down.
 */
@Import(RetriesAndDeadLettersIntegrationTests.Probe.class)
class RetriesAndDeadLettersIntegrationTests extends MessagingIntegrationTest {

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Set<UUID> failing = ConcurrentHashMap.newKeySet();

	private static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private static final Set<UUID> applied = ConcurrentHashMap.newKeySet();

	@Autowired
	DeadLetters deadLetters;

	@Autowired
	MeterRegistry meters;

	@Test
	void aFailingEventIsRetriedMaxDeliverTimesThenSetAsideAndCanBeReplayed() throws Exception {
		double duplicatesBefore = consumed(this.meters, "duplicate");
		Event<OrderCreated> stuck = orderCreated(UUID.randomUUID(), list(UUID.randomUUID()));
		Event<OrderCreated> next = orderCreated(UUID.randomUUID(), list(UUID.randomUUID()));
		failing.add(stuck.data().id());

		publish(stuck);
		publish(next);

		// The next message is not held up behind the failing one.
		await().atMost(WAIT).until(() -> applied.contains(next.data().id()));
		DeadLetter letter = await().atMost(WAIT).until(() -> letterFor(stuck), (found) -> found != null);
		assertThat(letter.reason()).isEqualTo("terminated");
		assertThat(letter.consumer()).isEqualTo("messaging-retry-probe");
		assertThat(letter.deliveries()).isEqualTo(3);
		assertThat(attempts.get(stuck.data().id())).hasValue(3);
		assertThat(letter.body()).contains(stuck.id().toString());
		assertThat(applied).doesNotContain(stuck.data().id());

		// The cause is gone: replaying applies it once and removes the entry.
		failing.remove(stuck.data().id());
		assertThat(this.deadLetters.replay(letter.sequence())).isTrue();
		await().atMost(WAIT).until(() -> applied.contains(stuck.data().id()));
		assertThat(this.deadLetters.find(letter.sequence())).isEmpty();
		assertThat(attempts.get(stuck.data().id())).hasValue(4);
		// The application's own consumer had applied the event; the replayed copy is a
		// duplicate to it.
		await().atMost(WAIT).until(() -> consumed(this.meters, "duplicate") == duplicatesBefore + 1);
		assertThat(held(stuck.data().id())).isTrue();
	}

	@Test
	void aMessageThatIsNeverAcknowledgedIsSetAsideAfterMaxDeliveries() throws Exception {
		// A consumer that dies on a message every time: it receives it and never answers.
		this.nats.jetStreamManagement()
			.addOrUpdateConsumer("ORDERS",
					ConsumerConfiguration.builder()
						.durable("messaging-crash-probe")
						.filterSubject("orders.v1.>")
						.deliverPolicy(DeliverPolicy.New)
						.ackPolicy(AckPolicy.Explicit)
						.ackWait(Duration.ofSeconds(1))
						.maxDeliver(2)
						.build());
		ConsumerContext crashing = this.nats.getStreamContext("ORDERS").getConsumerContext("messaging-crash-probe");
		Event<OrderCreated> event = orderCreated(UUID.randomUUID(), list(UUID.randomUUID()));
		publish(event);

		DeadLetter letter = await().atMost(WAIT).until(() -> {
			crashing.next(Duration.ofSeconds(1));
			return letterFor(event, "messaging-crash-probe");
		}, (found) -> found != null);

		assertThat(letter.reason()).isEqualTo("max_deliveries");
		assertThat(letter.deliveries()).isEqualTo(2);
		assertThat(letter.subject()).isEqualTo("orders.v1.order.created");
		assertThat(letter.body()).contains(event.id().toString());
	}

	private DeadLetter letterFor(Event<?> event) throws Exception {
		return letterFor(event, "messaging-retry-probe");
	}

	private DeadLetter letterFor(Event<?> event, String consumer) throws Exception {
		List<Long> sequences = StreamMessages.all(this.nats, "ORDERS")
			.stream()
			.filter((message) -> event.id().toString().equals(message.body().path("id").asString()))
			.map(StreamMessages.Stored::sequence)
			.toList();
		return this.deadLetters.list(consumer, 1000)
			.stream()
			.filter((letter) -> sequences.contains(letter.streamSequence()))
			.findFirst()
			.orElse(null);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		EventSubscription retryProbe() {
			return EventSubscription.to(EventStream.ORDERS)
				.durable("messaging-retry-probe")
				.on(OrderCreated.class, (event) -> {
					UUID order = event.data().id();
					attempts.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
					if (failing.contains(order)) {
						throw new IllegalStateException("Simulated outage of a dependency");
					}
					applied.add(order);
				})
				.build();
		}

	}

}
