package dev.ticketing.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventCodec;

/**
 * How a service publishes an event: {@link #append} writes it to the outbox in the
 * transaction of the state change it announces (DESIGN §3), with the trace context of
 * that transaction. Nothing is sent from the request thread; after the commit the
 * {@link OutboxRelay} is woken to publish it.
 */
public class Outbox {

	private final OutboxStore store;

	private final EventCodec codec;

	private final Clock clock;

	private final Runnable afterCommit;

	private final MessageTracing tracing;

	Outbox(OutboxStore store, EventCodec codec, Clock clock, Runnable afterCommit, MessageTracing tracing) {
		this.store = store;
		this.codec = codec;
		this.clock = clock;
		this.afterCommit = afterCommit;
		this.tracing = tracing;
	}

	/**
	 * Adds an event with the given payload to the outbox.
	 * @param data one of the payload records of
	 * {@link dev.ticketing.common.events.EventType}
	 * @return the event as it will be published
	 * @throws IllegalStateException if no transaction is active: an event written outside
	 * the transaction of its change could announce a change that never happened
	 */
	public <T> Event<T> append(T data) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("Outbox.append must run in the transaction of the change it announces");
		}
		Event<T> event = Event.of(data, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		String body = new String(this.codec.encode(event), StandardCharsets.UTF_8);
		this.store.add(new OutboxMessage(event.id(), event.type(), body, this.tracing.currentTraceparent()),
				event.occurredAt());
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				Outbox.this.afterCommit.run();
			}

		});
		return event;
	}

}
