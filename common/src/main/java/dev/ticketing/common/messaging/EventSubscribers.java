package dev.ticketing.common.messaging;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.nats.client.ConsumeOptions;
import io.nats.client.Connection;
import io.nats.client.IterableConsumer;
import io.nats.client.Message;
import io.nats.client.api.ClusterInfo;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;
import dev.ticketing.common.events.EventType;
import dev.ticketing.common.events.MalformedEventException;

/**
 * Runs every {@link EventSubscription} of the service: one thread per subscription pulls
 * from its durable consumer and, per message, records the event in the {@link Inbox} and
 * applies the handler in one transaction, then acknowledges (DESIGN §3).
 * <p>
 * Messages that are already waiting are applied together: up to {@value #MAX_BATCH} of
 * them, in stream order, in one transaction with a savepoint around each, so a burst of
 * events costs one commit instead of one each. An event whose handler fails is rolled
 * back to its savepoint alone, and retried or set aside as below, once the others have
 * committed; each delivery still runs its handler once. Only when the commit itself fails
 * (a deferred constraint) is the batch applied again one event per transaction.
 * <ul>
 * <li>A duplicate (already in the inbox) is acknowledged without effect.</li>
 * <li>A failing handler is retried with {@code nakWithDelay} and the configured backoff;
 * on its last allowed delivery, or at once for a malformed message or a
 * {@link PoisonEventException}, the message is terminated, which puts an advisory in the
 * dead-letter stream ({@link DeadLetters}), and later messages keep flowing.</li>
 * <li>Each delivery's handling is a span, a child of the publish span whose context the
 * message carries ({@link MessageTracing}); events the handler appends continue that
 * trace.</li>
 * <li>While a handler runs, the message's ack wait is extended ({@code inProgress}) every
 * third of it, so a slow handler (waiting on a lock, calling a provider) is neither
 * redelivered nor dead-lettered meanwhile.</li>
 * <li>Losing NATS closes the consumer and reopens it with backoff.</li>
 * <li>On shutdown each thread stops pulling, also from a consumer it was still opening
 * when the shutdown began, finishes the messages it already holds and exits before the
 * connection and the database pool close; a message it received but did not finish is
 * redelivered after the ack wait.</li>
 * </ul>
 */
class EventSubscribers implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(EventSubscribers.class);

	private static final Duration POLL = Duration.ofSeconds(1);

	/**
	 * The most events applied in one transaction; below PostgreSQL's 64 cached
	 * subtransactions per transaction, past which every snapshot gets slower.
	 */
	static final int MAX_BATCH = 32;

	/** How long opening a consumer waits for its leader in a cluster. */
	private static final Duration LEADER_WAIT = Duration.ofSeconds(10);

	/** How long a batch waits for one more message that is on its way. */
	private static final Duration LINGER = Duration.ofMillis(2);

	private final List<EventSubscription> subscriptions;

	private final String defaultDurable;

	private final Connection connection;

	private final StreamProvisioner provisioner;

	private final Inbox inbox;

	private final TransactionTemplate transactions;

	private final EventCodec codec;

	private final MessagingProperties properties;

	private final Clock clock;

	private final MeterRegistry meters;

	private final MessageTracing tracing;

	private final List<Worker> workers = new ArrayList<>();

	/** Purges the inbox and extends ack waits; there from {@link #start()} on. */
	private volatile @Nullable ScheduledExecutorService housekeeping;

	private volatile boolean running;

	private CountDownLatch stopping = new CountDownLatch(1);

	public EventSubscribers(List<EventSubscription> subscriptions, String defaultDurable, Connection connection,
			StreamProvisioner provisioner, Inbox inbox, TransactionTemplate transactions, EventCodec codec,
			MessagingProperties properties, Clock clock, MeterRegistry meters, MessageTracing tracing) {
		this.subscriptions = subscriptions;
		this.tracing = tracing;
		this.defaultDurable = defaultDurable;
		this.connection = connection;
		this.provisioner = provisioner;
		this.inbox = inbox;
		this.transactions = transactions;
		this.codec = codec;
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
	}

	@Override
	public void start() {
		this.running = true;
		this.stopping = new CountDownLatch(1);
		// Before the workers: they extend ack waits on it.
		ScheduledExecutorService scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
		scheduler.scheduleWithFixedDelay(this::purgeInbox, 1, 60, TimeUnit.MINUTES);
		this.housekeeping = scheduler;
		for (EventSubscription subscription : this.subscriptions) {
			Worker worker = new Worker(subscription, subscription.durable().orElse(this.defaultDurable));
			this.workers.add(worker);
			worker.thread = Thread.ofPlatform()
				.name("events-" + subscription.stream().streamName().toLowerCase() + "-" + worker.durable)
				.daemon()
				.start(worker::run);
		}
	}

	@Override
	public void stop() {
		this.running = false;
		this.stopping.countDown();
		this.workers.forEach(Worker::stopPulling);
		for (Worker worker : this.workers) {
			Thread thread = worker.thread;
			try {
				if (thread != null) {
					thread.join(this.properties.consumer().ackWait().toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.workers.clear();
		// After the workers: the messages they finished applying were kept alive by it.
		ScheduledExecutorService scheduler = this.housekeeping;
		if (scheduler != null) {
			scheduler.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		// Stops after the web server (phase DEFAULT - 1024) and before the outbox relay,
		// so events the handlers wrote on the way out are still published.
		return SmartLifecycle.DEFAULT_PHASE - 1536;
	}

	/** Whether every subscription has its consumer open, for health reporting. */
	public boolean isConnected() {
		return this.workers.stream().allMatch((worker) -> worker.consumer != null);
	}

	private void purgeInbox() {
		try {
			int purged = this.transactions.execute((status) -> this.inbox
				.purgeBefore(this.clock.instant().minus(this.properties.consumer().inboxRetention())));
			logger.debug("Forgot {} processed events", purged);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not purge the inbox: {}", ex.toString());
		}
	}

	private final class Worker {

		private final EventSubscription subscription;

		private final String durable;

		private volatile @Nullable IterableConsumer consumer;

		private long reconnectsAtOpen;

		private @Nullable Thread thread;

		private Worker(EventSubscription subscription, String durable) {
			this.subscription = subscription;
			this.durable = durable;
		}

		/**
		 * Stops the open consumer's pulls; what it pulled already is still handed out.
		 * Called by {@link EventSubscribers#stop()}, which sets {@code running} first,
		 * and by the worker after opening a consumer while not running: one of them sees
		 * the other's write, so no consumer opened during the stop keeps pulling.
		 */
		void stopPulling() {
			IterableConsumer current = this.consumer;
			if (current != null) {
				current.stop();
			}
		}

		void run() {
			int failedRounds = 0;
			while (EventSubscribers.this.running) {
				try {
					if (this.consumer != null && reconnectedSinceOpen()) {
						// A pull consumer can stall once the server is back: reopen.
						logger.info("NATS reconnected; reopening consumer {}", this.durable);
						close();
					}
					IterableConsumer current = this.consumer;
					if (current == null) {
						this.reconnectsAtOpen = reconnects();
						current = open();
						this.consumer = current;
						if (!EventSubscribers.this.running) {
							// stop() began meanwhile and found no consumer to stop.
							stopPulling();
						}
						failedRounds = 0;
						logger.info("Consuming {} as {}", this.subscription, this.durable);
					}
					Message message = current.nextMessage(POLL);
					if (message != null) {
						process(batch(current, message));
					}
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
				catch (Exception ex) {
					failedRounds++;
					if (failedRounds == 1 || failedRounds % 20 == 0) {
						logger.warn("Consumer {} on {} failed (attempt {}): {}", this.durable,
								this.subscription.stream(), failedRounds, ex.toString());
					}
					close();
					pause(failedRounds);
				}
			}
			drain();
		}

		private boolean reconnectedSinceOpen() {
			return reconnects() != this.reconnectsAtOpen;
		}

		private long reconnects() {
			return EventSubscribers.this.connection.getStatistics().getReconnects();
		}

		private IterableConsumer open() throws Exception {
			EventSubscribers.this.provisioner.ensureExists(this.subscription.stream());
			EventSubscribers.this.provisioner.ensureDeadLetters();
			EventSubscribers.this.provisioner.ensureConsumer(this.subscription.stream(), this.durable);
			awaitLeader();
			return EventSubscribers.this.connection.getStreamContext(this.subscription.stream().streamName())
				.getConsumerContext(this.durable)
				.iterate(ConsumeOptions.builder().batchSize(64).build());
		}

		/**
		 * In a cluster, waits until the consumer has elected a leader: a pull sent before
		 * that (the consumer was just created, on a stream just created) is answered "no
		 * responders", and jnats then pulls again only when its heartbeat alarm goes off,
		 * 45 s later, so the instance would take no message meanwhile.
		 */
		private void awaitLeader() throws Exception {
			long deadline = System.nanoTime() + LEADER_WAIT.toNanos();
			while (EventSubscribers.this.running && System.nanoTime() < deadline) {
				ClusterInfo cluster = EventSubscribers.this.connection.jetStreamManagement()
					.getConsumerInfo(this.subscription.stream().streamName(), this.durable)
					.getClusterInfo();
				if (cluster == null || cluster.getLeader() != null) {
					return;
				}
				EventSubscribers.this.stopping.await(100, TimeUnit.MILLISECONDS);
			}
		}

		/**
		 * Stops pulling, finishes the messages already pulled, then closes the consumer.
		 * A consumer that is not stopped keeps pulling as it hands out messages, so the
		 * loop below would not end while the stream has more.
		 */
		private void drain() {
			IterableConsumer current = this.consumer;
			if (current == null) {
				return;
			}
			try {
				current.stop();
				Message message;
				while ((message = current.nextMessage(Duration.ofMillis(100))) != null) {
					process(batch(current, message));
				}
			}
			catch (Exception ex) {
				logger.debug("Stopped draining {}: {}", this.durable, ex.toString());
			}
			close();
		}

		private void close() {
			IterableConsumer current = this.consumer;
			this.consumer = null;
			if (current != null) {
				try {
					current.close();
				}
				catch (Exception ex) {
					logger.debug("Closing consumer {}: {}", this.durable, ex.toString());
				}
			}
		}

		/** Backs off after a failure; returns early when the service stops. */
		private void pause(int failedRounds) {
			long millis = Math.min(200L << Math.min(failedRounds - 1, 8), 10_000L);
			try {
				EventSubscribers.this.stopping.await(millis, TimeUnit.MILLISECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		/** The message, and those right behind it, up to {@link #MAX_BATCH}. */
		private List<Message> batch(IterableConsumer current, Message first) throws Exception {
			List<Message> batch = new ArrayList<>(MAX_BATCH);
			batch.add(first);
			Message next;
			while (batch.size() < MAX_BATCH && (next = current.nextMessage(LINGER)) != null) {
				batch.add(next);
			}
			return batch;
		}

		private void process(List<Message> messages) {
			List<Delivery> deliveries = new ArrayList<>(messages.size());
			for (Message message : messages) {
				Delivery delivery = decode(message);
				if (delivery != null) {
					deliveries.add(delivery);
				}
			}
			if (deliveries.size() == 1) {
				apply(deliveries.getFirst());
			}
			else if (!deliveries.isEmpty()) {
				applyTogether(deliveries);
			}
		}

		/**
		 * The event in a message and its handler; a message this service does not handle
		 * is acknowledged, and one it cannot read set aside, here.
		 * @return the delivery to apply, or {@code null} when the message is done with
		 */
		private @Nullable Delivery decode(Message message) {
			String subject = message.getSubject();
			MDC.put("subject", subject);
			try {
				Optional<EventType> type = EventType.forSubject(subject);
				Optional<EventHandler<Object>> handler = type.flatMap(this.subscription::handlerFor);
				if (handler.isEmpty()) {
					// A type this service ignores, or one newer than it knows.
					message.ack();
					count(subject, "skipped");
					return null;
				}
				try {
					return new Delivery(message, subject, message.metaData().deliveredCount(),
							EventSubscribers.this.codec.decode(subject, message.getData()), handler.get());
				}
				catch (MalformedEventException ex) {
					deadLetter(message, subject, ex);
					return null;
				}
			}
			finally {
				MDC.remove("subject");
			}
		}

		/** Applies one event in its own transaction, then acknowledges or retries it. */
		private void apply(Delivery delivery) {
			// A handler may take longer than the ack wait (a lock held by a charge in
			// flight, a provider call): tell the server it is still being worked on,
			// so that it is neither redelivered nor dead-lettered while it is applied.
			Runnable stopHeartbeat = heartbeat(delivery.message());
			Span span = startSpan(delivery);
			delivery.logContext();
			try (Tracer.SpanInScope scope = EventSubscribers.this.tracing.inScope(span)) {
				try {
					Boolean applied = EventSubscribers.this.transactions.execute((status) -> record(delivery));
					done(delivery, Boolean.TRUE.equals(applied), span);
				}
				catch (RuntimeException ex) {
					failed(delivery, ex, span);
				}
			}
			finally {
				span.end();
				stopHeartbeat.run();
				Delivery.clearLogContext();
			}
		}

		/**
		 * Applies several events in one transaction, each behind a savepoint, then
		 * acknowledges the applied ones and retries or sets aside the failed ones.
		 */
		private void applyTogether(List<Delivery> deliveries) {
			List<Runnable> heartbeats = deliveries.stream().map((delivery) -> heartbeat(delivery.message())).toList();
			List<Span> spans = deliveries.stream().map(this::startSpan).toList();
			try {
				List<@Nullable RuntimeException> failures = new ArrayList<>(deliveries.size());
				List<Boolean> applied = new ArrayList<>(deliveries.size());
				EventSubscribers.this.transactions.executeWithoutResult((status) -> {
					for (int i = 0; i < deliveries.size(); i++) {
						Delivery delivery = deliveries.get(i);
						delivery.logContext();
						Object savepoint = status.createSavepoint();
						try (Tracer.SpanInScope scope = EventSubscribers.this.tracing.inScope(spans.get(i))) {
							applied.add(record(delivery));
							status.releaseSavepoint(savepoint);
							failures.add(null);
						}
						catch (RuntimeException ex) {
							status.rollbackToSavepoint(savepoint);
							applied.add(false);
							failures.add(ex);
						}
					}
				});
				for (int i = 0; i < deliveries.size(); i++) {
					Delivery delivery = deliveries.get(i);
					delivery.logContext();
					RuntimeException failure = failures.get(i);
					try (Tracer.SpanInScope scope = EventSubscribers.this.tracing.inScope(spans.get(i))) {
						if (failure == null) {
							done(delivery, applied.get(i), spans.get(i));
						}
						else {
							failed(delivery, failure, spans.get(i));
						}
					}
				}
				spans.forEach(Span::end);
			}
			catch (RuntimeException ex) {
				// The commit failed, so none of them was applied: one at a time finds
				// which, each in a span of its own.
				logger.debug("Applying {} events together failed, applying them one at a time: {}", deliveries.size(),
						ex.toString());
				spans.forEach((span) -> span.tag("messaging.outcome", "batch_rolled_back").error(ex).end());
				deliveries.forEach(this::apply);
			}
			finally {
				heartbeats.forEach(Runnable::run);
				Delivery.clearLogContext();
			}
		}

		/**
		 * Records the event in the inbox and, unless it was there already, applies it.
		 */
		@SuppressWarnings("unchecked")
		private boolean record(Delivery delivery) {
			if (!EventSubscribers.this.inbox.record(this.durable, delivery.event().id(), delivery.subject())) {
				return false;
			}
			delivery.handler().handle((Event<Object>) delivery.event());
			return true;
		}

		private Span startSpan(Delivery delivery) {
			return EventSubscribers.this.tracing.startProcess(delivery.message(), this.durable, delivery.deliveries())
				.tag("messaging.message.id", delivery.event().id().toString());
		}

		private void done(Delivery delivery, boolean applied, Span span) {
			delivery.message().ack();
			String outcome = applied ? "applied" : "duplicate";
			span.tag("messaging.outcome", outcome);
			count(delivery.subject(), outcome);
		}

		private void failed(Delivery delivery, RuntimeException ex, Span span) {
			String subject = delivery.subject();
			span.error(ex);
			if (ex instanceof PoisonEventException) {
				span.tag("messaging.outcome", "dead_lettered");
				deadLetter(delivery.message(), subject, ex);
				return;
			}
			int maxDeliver = EventSubscribers.this.properties.consumer().maxDeliver();
			long deliveries = delivery.deliveries();
			if (deliveries >= maxDeliver) {
				logger.error("Giving up on {} {} after {} deliveries", subject, delivery.event().id(), deliveries, ex);
				delivery.message().term();
				span.tag("messaging.outcome", "dead_lettered");
				count(subject, "dead_lettered");
			}
			else {
				Duration delay = EventSubscribers.this.properties.consumer().backoffAfter(deliveries);
				logger.warn("Handling {} {} failed (delivery {} of {}), retrying in {}: {}", subject,
						delivery.event().id(), deliveries, maxDeliver, delay, ex.toString());
				delivery.message().nakWithDelay(delay);
				span.tag("messaging.outcome", "retried");
				count(subject, "retried");
			}
		}

		/** Starts extending the message's ack wait; the result stops it. */
		private Runnable heartbeat(Message message) {
			long period = Math.max(1, EventSubscribers.this.properties.consumer().ackWait().toMillis() / 3);
			ScheduledExecutorService scheduler = EventSubscribers.this.housekeeping;
			if (scheduler == null) {
				return () -> {
				};
			}
			try {
				ScheduledFuture<?> beating = scheduler.scheduleAtFixedRate(() -> {
					try {
						message.inProgress();
					}
					catch (RuntimeException ex) {
						logger.debug("Could not extend the ack wait of {}: {}", message.getSubject(), ex.toString());
					}
				}, period, period, TimeUnit.MILLISECONDS);
				return () -> beating.cancel(false);
			}
			catch (RejectedExecutionException ex) {
				// Shutting down past the drain timeout: the plain ack wait applies.
				return () -> {
				};
			}
		}

		private void deadLetter(Message message, String subject, RuntimeException reason) {
			logger.error("Setting aside {} (stream sequence {}): {}", subject, message.metaData().streamSequence(),
					reason.getMessage());
			message.term();
			count(subject, "dead_lettered");
		}

		private void count(String subject, String outcome) {
			Counter.builder("ticketing.events.consumed")
				.description("Events received by this service's consumers, by outcome")
				.tag("consumer", this.durable)
				.tag("subject", subject)
				.tag("outcome", outcome)
				.register(EventSubscribers.this.meters)
				.increment();
		}

	}

	/** A message this service handles, read. */
	private record Delivery(Message message, String subject, long deliveries, Event<?> event,
			EventHandler<Object> handler) {

		/** Names the event in the log lines written while it is handled. */
		void logContext() {
			MDC.put("subject", this.subject);
			MDC.put("eventId", this.event.id().toString());
		}

		static void clearLogContext() {
			MDC.remove("subject");
			MDC.remove("eventId");
		}

	}

}
