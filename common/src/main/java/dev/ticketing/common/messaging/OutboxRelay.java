package dev.ticketing.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.PublishOptions;
import io.micrometer.tracing.Span;
import io.nats.client.api.PublishAck;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.common.events.EventType;

/**
 * Publishes outbox rows to JetStream (DESIGN §3). One background thread per service
 * instance claims unsent rows with {@code FOR UPDATE SKIP LOCKED}, publishes them with
 * {@code Nats-Msg-Id} = row id and the {@code traceparent} of a publish span that is a
 * child of the row's stored trace context, and marks them sent in the same transaction
 * once their PubAcks arrived. It runs right after a commit that added rows and every
 * sweep interval otherwise, backs off exponentially while NATS is unavailable, and
 * deletes sent rows once JetStream's duplicate window has passed.
 * <p>
 * A crash after the publish and before the commit leaves the rows unsent, so they are
 * published again; JetStream drops the second copy because of its {@code Nats-Msg-Id},
 * and consumers' inboxes would ignore it even after the window.
 */
class OutboxRelay implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(OutboxRelay.class);

	private final OutboxStore store;

	private final TransactionTemplate transactions;

	private final Connection connection;

	private final StreamProvisioner provisioner;

	private final MessagingProperties properties;

	private final Clock clock;

	private final MessageTracing tracing;

	private final Counter published;

	private final Counter duplicates;

	private final Counter failures;

	private final ReentrantLock lock = new ReentrantLock();

	private final Condition signal = this.lock.newCondition();

	private boolean signalled;

	private volatile boolean running;

	private volatile boolean streamReady;

	private @Nullable Thread thread;

	private Instant nextPurge = Instant.MIN;

	public OutboxRelay(OutboxStore store, TransactionTemplate transactions, Connection connection,
			StreamProvisioner provisioner, MessagingProperties properties, Clock clock, MeterRegistry meters,
			MessageTracing tracing) {
		this.store = store;
		this.tracing = tracing;
		this.transactions = transactions;
		this.connection = connection;
		this.provisioner = provisioner;
		this.properties = properties;
		this.clock = clock;
		this.published = Counter.builder("ticketing.outbox.published")
			.description("Events published and acknowledged by JetStream")
			.register(meters);
		this.duplicates = Counter.builder("ticketing.outbox.duplicates")
			.description("Publishes JetStream acknowledged as duplicates of an earlier publish")
			.register(meters);
		this.failures = Counter.builder("ticketing.outbox.failures")
			.description("Relay rounds that failed and backed off")
			.register(meters);
		Gauge.builder("ticketing.outbox.unsent", store, OutboxStore::countUnsent)
			.description("Outbox rows waiting to be published")
			.register(meters);
	}

	/** Asks the relay to look for new rows now, e.g. after a commit that added some. */
	public void wakeUp() {
		this.lock.lock();
		try {
			this.signalled = true;
			this.signal.signalAll();
		}
		finally {
			this.lock.unlock();
		}
	}

	@Override
	public void start() {
		this.running = true;
		this.thread = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
	}

	@Override
	public void stop() {
		this.running = false;
		wakeUp();
		Thread relay = this.thread;
		try {
			if (relay != null) {
				relay.join(this.properties.outbox().publishTimeout().plusSeconds(5).toMillis());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stops after the web server has drained (so commits of in-flight requests are
		// still relayed) and before the connection and the database pool close.
		return SmartLifecycle.DEFAULT_PHASE - 2048;
	}

	private void run() {
		int failedRounds = 0;
		while (this.running) {
			try {
				int claimed = relayBatch();
				failedRounds = 0;
				purgeIfDue();
				if (claimed < this.properties.outbox().batchSize()) {
					await(this.properties.outbox().sweepInterval(), true);
				}
			}
			catch (RuntimeException ex) {
				failedRounds++;
				this.failures.increment();
				this.streamReady = false;
				Duration pause = backoff(failedRounds);
				if (failedRounds == 1 || failedRounds % 20 == 0) {
					logger.warn("Outbox relay could not publish (attempt {}), retrying in {}: {}", failedRounds, pause,
							ex.toString());
				}
				await(pause, false);
			}
		}
	}

	/**
	 * Publishes one batch of unsent rows, having created or updated the service's stream
	 * first if that has not succeeded yet on this connection.
	 * @return how many rows were claimed
	 */
	int relayBatch() {
		if (!this.streamReady) {
			ensureStream();
		}
		Batch batch = this.transactions.execute((status) -> {
			List<OutboxMessage> claimed = this.store.claimUnsent(this.properties.outbox().batchSize());
			if (claimed.isEmpty()) {
				return new Batch(0, null);
			}
			ensureStream();
			List<OutboxMessage> sent = new ArrayList<>(claimed.size());
			RuntimeException failure = publish(claimed, sent);
			this.store.markSent(sent, this.clock.instant());
			return new Batch(claimed.size(), failure);
		});
		if (batch.failure() != null) {
			throw batch.failure();
		}
		return batch.claimed();
	}

	private void ensureStream() {
		if (this.connection.getStatus() != Connection.Status.CONNECTED) {
			throw new IllegalStateException("NATS is not connected (" + this.connection.getStatus() + ")");
		}
		if (!this.streamReady && this.properties.stream() != null) {
			try {
				this.provisioner.ensureOwned(this.properties.stream());
			}
			catch (Exception ex) {
				throw new IllegalStateException("Could not create or update stream " + this.properties.stream(), ex);
			}
			this.streamReady = true;
		}
	}

	private @Nullable RuntimeException publish(List<OutboxMessage> claimed, List<OutboxMessage> sent) {
		JetStream jetStream;
		try {
			jetStream = this.connection.jetStream();
		}
		catch (Exception ex) {
			return new IllegalStateException("JetStream is unavailable", ex);
		}
		List<CompletableFuture<PublishAck>> acks = new ArrayList<>(claimed.size());
		List<Span> spans = new ArrayList<>(claimed.size());
		try {
			for (OutboxMessage message : claimed) {
				Headers headers = new Headers();
				Span span = this.tracing.startPublish(message, headers);
				spans.add(span);
				acks.add(jetStream.publishAsync(NatsMessage.builder()
					.subject(message.subject())
					.headers(headers)
					.data(message.body().getBytes(StandardCharsets.UTF_8))
					.build(), publishOptions(message)));
			}
			RuntimeException failure = null;
			long deadline = System.nanoTime() + this.properties.outbox().publishTimeout().toNanos();
			for (int i = 0; i < claimed.size(); i++) {
				try {
					PublishAck ack = acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					(ack.isDuplicate() ? this.duplicates : this.published).increment();
					spans.get(i).tag("messaging.nats.duplicate", ack.isDuplicate());
					sent.add(claimed.get(i));
				}
				catch (ExecutionException | TimeoutException ex) {
					Throwable cause = (ex instanceof ExecutionException) ? ex.getCause() : ex;
					spans.get(i).error((cause != null) ? cause : ex);
					if (failure == null) {
						failure = new IllegalStateException("Publishing " + claimed.get(i).subject() + " failed",
								cause);
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return new IllegalStateException("Interrupted while waiting for PubAcks", ex);
				}
			}
			return failure;
		}
		finally {
			spans.forEach(Span::end);
		}
	}

	private static PublishOptions publishOptions(OutboxMessage message) {
		PublishOptions.Builder options = PublishOptions.builder().messageId(message.id().toString());
		EventType.forSubject(message.subject()).ifPresent((type) -> options.expectedStream(type.stream().streamName()));
		return options.build();
	}

	private void purgeIfDue() {
		Instant now = this.clock.instant();
		if (now.isBefore(this.nextPurge)) {
			return;
		}
		this.nextPurge = now.plus(this.properties.outbox().purgeInterval());
		int purged = this.store.purgeSentBefore(now.minus(this.properties.streams().duplicateWindow()));
		if (purged > 0) {
			logger.debug("Purged {} sent outbox rows", purged);
		}
	}

	private Duration backoff(int failedRounds) {
		MessagingProperties.Outbox settings = this.properties.outbox();
		long millis = settings.minBackoff().toMillis() << Math.min(failedRounds - 1, 16);
		return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
	}

	private void await(Duration timeout, boolean wakeOnSignal) {
		this.lock.lock();
		try {
			long remaining = timeout.toNanos();
			while (this.running && !(wakeOnSignal && this.signalled) && remaining > 0) {
				remaining = this.signal.awaitNanos(remaining);
			}
			if (wakeOnSignal) {
				this.signalled = false;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.running = false;
		}
		finally {
			this.lock.unlock();
		}
	}

	private record Batch(int claimed, @Nullable RuntimeException failure) {

	}

}
