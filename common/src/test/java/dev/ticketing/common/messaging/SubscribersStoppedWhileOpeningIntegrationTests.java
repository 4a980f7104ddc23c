package dev.ticketing.common.messaging;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.api.ConsumerConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;
import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.payments.v1.PaymentSucceeded;
import dev.ticketing.common.testing.StreamMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stopping the subscribers while a consumer is still being opened (a service stopped
 * moments after it started): the consumer the worker opens after the stop began stops
 * pulling at once, so the stop returns well before the ack wait even while events keep
 * arriving, and every event published meanwhile is applied once by the next instance.
 */
class SubscribersStoppedWhileOpeningIntegrationTests extends MessagingIntegrationTest {

	private static final Duration ACK_WAIT = Duration.ofSeconds(10);

	@Autowired
	private PlatformTransactionManager transactionManager;

	@Autowired
	private EventCodec codec;

	@Autowired
	private MessagingProperties properties;

	@Autowired
	private Clock clock;

	@Autowired
	private MeterRegistry meters;

	private final String durable = "messaging-stop-race-" + UUID.randomUUID().toString().substring(0, 8);

	private final Queue<UUID> applied = new ConcurrentLinkedQueue<>();

	/**
	 * Every event the test set out to publish. Which of them JetStream stored is read
	 * from the stream itself: the producer is stopped mid-publish, after the server may
	 * have stored a message and before the publish returned.
	 */
	private final Set<UUID> attempted = ConcurrentHashMap.newKeySet();

	@Test
	void aConsumerOpenedAfterTheStopBeganStopsPullingAtOnceAndNoEventIsLost() throws Exception {
		MessagingProperties settings = withAckWait(ACK_WAIT);
		HeldProvisioner held = new HeldProvisioner(this.nats, settings);
		held.ensureExists(EventStream.PAYMENTS);
		for (int i = 0; i < 50; i++) {
			publishPayment();
		}
		EventSubscribers first = subscribers(held, settings);
		first.start();
		assertThat(held.opening.await(20, TimeUnit.SECONDS)).isTrue();

		// Events keep arriving, as on a busy stream, where a consumer that still
		// pulls never runs dry.
		ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor();
		producer.scheduleAtFixedRate(this::publishPayment, 0, 10, TimeUnit.MILLISECONDS);
		Thread stopping = Thread.ofPlatform().start(first::stop);
		try {
			// stop() has found no consumer to stop and waits for the worker.
			await().atMost(Duration.ofSeconds(10)).until(() -> stopping.getState() == Thread.State.TIMED_WAITING);
			held.release.countDown();
			await().atMost(ACK_WAIT.dividedBy(2)).until(() -> !stopping.isAlive());
		}
		finally {
			producer.shutdownNow();
			producer.awaitTermination(10, TimeUnit.SECONDS);
			stopping.join(ACK_WAIT.multipliedBy(2));
		}

		Set<UUID> published = storedOf(this.attempted);
		EventSubscribers next = subscribers(new StreamProvisioner(this.nats, settings), settings);
		next.start();
		try {
			// What the first held and did not finish comes back after the ack wait.
			await().atMost(ACK_WAIT.plusSeconds(30)).until(() -> this.applied.containsAll(published));
		}
		finally {
			next.stop();
		}
		assertThat(this.applied).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(published);
		assertThat(appliedInInbox(published)).isEqualTo(published.size());
	}

	@AfterEach
	void forgetTheDurable() throws IOException {
		try {
			this.nats.jetStreamManagement().deleteConsumer(EventStream.PAYMENTS.streamName(), this.durable);
		}
		catch (JetStreamApiException ex) {
			// Never created.
		}
		this.jdbc.sql("DELETE FROM messaging.processed_messages WHERE consumer = ?").param(this.durable).update();
	}

	private EventSubscribers subscribers(StreamProvisioner provisioner, MessagingProperties settings) {
		EventSubscription subscription = EventSubscription.to(EventStream.PAYMENTS)
			.durable(this.durable)
			.on(PaymentSucceeded.class, (event) -> {
				// Only this test's events: the durable reads the whole stream.
				if (this.attempted.contains(event.id())) {
					this.applied.add(event.id());
				}
			})
			.build();
		return new EventSubscribers(List.of(subscription), this.durable, this.nats, provisioner,
				new JdbcInbox(this.jdbc), new TransactionTemplate(this.transactionManager), this.codec, settings,
				this.clock, this.meters, MessageTracing.off());
	}

	private void publishPayment() {
		Event<PaymentSucceeded> event = Event.of(new PaymentSucceeded(UUID.randomUUID(), UUID.randomUUID(), 12_500,
				"EUR", "simulated", "pi_" + UUID.randomUUID()), Instant.now());
		this.attempted.add(event.id());
		publish(event);
	}

	/** The events of {@code ids} that the PAYMENTS stream holds. */
	private Set<UUID> storedOf(Set<UUID> ids) {
		Set<UUID> stored = new HashSet<>();
		for (StreamMessages.Stored message : StreamMessages.all(this.nats, EventStream.PAYMENTS.streamName())) {
			UUID id = UUID.fromString(message.body().path("id").asString());
			if (ids.contains(id)) {
				stored.add(id);
			}
		}
		return stored;
	}

	private long appliedInInbox(Set<UUID> events) {
		return this.jdbc
			.sql("SELECT count(*) FROM messaging.processed_messages WHERE consumer = ? AND event_id = ANY(?)")
			.params(this.durable, events.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private MessagingProperties withAckWait(Duration ackWait) {
		MessagingProperties.Consumer consumer = this.properties.consumer();
		return new MessagingProperties(this.properties.enabled(), this.properties.url(), this.properties.username(),
				this.properties.password(), this.properties.credentialsFile(), this.properties.stream(),
				this.properties.streams(), this.properties.outbox(),
				new MessagingProperties.Consumer(consumer.durable(), consumer.maxDeliver(), ackWait, consumer.backoff(),
						consumer.maxAckPending(), consumer.inboxRetention()));
	}

	/**
	 * Holds the worker inside opening its consumer, after the streams exist and before
	 * the durable is created, until the test releases it.
	 */
	private static final class HeldProvisioner extends StreamProvisioner {

		private final CountDownLatch opening = new CountDownLatch(1);

		private final CountDownLatch release = new CountDownLatch(1);

		HeldProvisioner(Connection connection, MessagingProperties properties) {
			super(connection, properties);
		}

		@Override
		public ConsumerConfiguration ensureConsumer(EventStream stream, String durable)
				throws IOException, JetStreamApiException {
			this.opening.countDown();
			try {
				if (!this.release.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("Not released");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			return super.ensureConsumer(stream, durable);
		}

	}

}
