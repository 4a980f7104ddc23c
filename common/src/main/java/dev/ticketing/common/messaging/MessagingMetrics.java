package dev.ticketing.common.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.StreamInfoOptions;
import io.nats.client.api.Subject;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import dev.ticketing.common.events.EventType;

/**
 * The event backbone's health as meters, beside the relay's and the consumers' own counts
 * (docs/adr/0024):
 * <ul>
 * <li>{@code ticketing.outbox.oldest.unsent.age} (seconds): how long the oldest unsent
 * outbox row has waited, 0 when none waits; read from the database on each scrape, as
 * {@code ticketing.outbox.unsent} is.</li>
 * <li>{@code ticketing.events.pending} and {@code ticketing.events.ack.pending}, by
 * {@code stream} and {@code consumer}: messages of the stream the durable consumer has
 * not been delivered yet, and delivered but not acknowledged yet (its lag).</li>
 * <li>{@code ticketing.events.dead.letters}, by {@code stream} and {@code consumer}:
 * entries of the dead-letter stream for the consumer, set aside and not replayed.</li>
 * </ul>
 * The last three come from the JetStream API, one request per consumer, sampled every
 * {@value #SAMPLE_SECONDS} s by a thread of their own, so that a scrape never waits on
 * NATS; they are NaN while unknown (NATS away, consumer not created yet).
 * <p>
 * It also registers {@code ticketing.events.consumed{outcome="dead_lettered"}} at 0 for
 * every subject a consumer handles: a counter that first appears at 1 shows Prometheus no
 * increase, so the first dead letter would raise no alert.
 */
class MessagingMetrics implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(MessagingMetrics.class);

	static final long SAMPLE_SECONDS = 5;

	private final Connection connection;

	private final String deadLetterStream;

	private final List<Sampled> consumers = new ArrayList<>();

	private volatile @Nullable ScheduledExecutorService sampler;

	MessagingMetrics(OutboxStore store, Connection connection, List<EventSubscription> subscriptions,
			String defaultDurable, MessagingProperties properties, Clock clock, MeterRegistry meters) {
		this.connection = connection;
		this.deadLetterStream = properties.streams().deadLetters();
		Gauge
			.builder("ticketing.outbox.oldest.unsent.age", store,
					(outbox) -> outbox.oldestUnsentAt()
						.map((at) -> Math.max(0, Duration.between(at, clock.instant()).toMillis() / 1000.0))
						.orElse(0.0))
			.description("How long the oldest outbox row waiting to be published has waited")
			.baseUnit("seconds")
			.register(meters);
		for (EventSubscription subscription : subscriptions) {
			String durable = subscription.durable().orElse(defaultDurable);
			String stream = subscription.stream().streamName();
			Sampled sampled = new Sampled(stream, durable);
			this.consumers.add(sampled);
			Gauge.builder("ticketing.events.pending", sampled, (s) -> s.pending)
				.description("Messages of the stream not yet delivered to the durable consumer")
				.tags("stream", stream, "consumer", durable)
				.register(meters);
			Gauge.builder("ticketing.events.ack.pending", sampled, (s) -> s.ackPending)
				.description("Messages delivered to the durable consumer and not acknowledged yet")
				.tags("stream", stream, "consumer", durable)
				.register(meters);
			Gauge.builder("ticketing.events.dead.letters", sampled, (s) -> s.deadLetters)
				.description("Entries of the dead-letter stream for the consumer, set aside and not replayed")
				.tags("stream", stream, "consumer", durable)
				.register(meters);
			Arrays.stream(EventType.values())
				.filter((type) -> subscription.handlerFor(type).isPresent())
				.forEach((type) -> Counter.builder("ticketing.events.consumed")
					.description("Events received by this service's consumers, by outcome")
					.tag("consumer", durable)
					.tag("subject", type.subject())
					.tag("outcome", "dead_lettered")
					.register(meters));
		}
	}

	@Override
	public void start() {
		if (this.consumers.isEmpty()) {
			return;
		}
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("messaging-metrics").daemon().factory());
		scheduler.scheduleWithFixedDelay(this::sample, 0, SAMPLE_SECONDS, TimeUnit.SECONDS);
		this.sampler = scheduler;
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.sampler;
		this.sampler = null;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.sampler != null;
	}

	/** Reads every consumer's state; what cannot be read now is unknown until it can. */
	void sample() {
		for (Sampled consumer : this.consumers) {
			JetStreamManagement management;
			try {
				management = this.connection.jetStreamManagement();
				ConsumerInfo info = management.getConsumerInfo(consumer.stream, consumer.durable);
				consumer.pending = info.getNumPending();
				consumer.ackPending = info.getNumAckPending();
			}
			catch (Exception ex) {
				consumer.pending = Double.NaN;
				consumer.ackPending = Double.NaN;
				consumer.deadLetters = Double.NaN;
				logger.debug("Could not read consumer {} on {}: {}", consumer.durable, consumer.stream, ex.toString());
				continue;
			}
			try {
				// Advisories are published on
				// $JS.EVENT.ADVISORY.CONSUMER.<kind>.<stream>.<consumer>.
				List<Subject> letters = management
					.getStreamInfo(this.deadLetterStream,
							StreamInfoOptions.filterSubjects(
									"$JS.EVENT.ADVISORY.CONSUMER.*." + consumer.stream + "." + consumer.durable))
					.getStreamState()
					.getSubjects();
				consumer.deadLetters = (letters == null) ? 0 : letters.stream().mapToLong(Subject::getCount).sum();
			}
			catch (Exception ex) {
				consumer.deadLetters = Double.NaN;
				logger.debug("Could not read the dead letters of {}: {}", consumer.durable, ex.toString());
			}
		}
	}

	/** The last sample of one durable consumer. */
	private static final class Sampled {

		final String stream;

		final String durable;

		volatile double pending = Double.NaN;

		volatile double ackPending = Double.NaN;

		volatile double deadLetters = Double.NaN;

		Sampled(String stream, String durable) {
			this.stream = stream;
			this.durable = durable;
		}

	}

}
