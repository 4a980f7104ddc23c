package dev.ticketing.common.messaging;

import dev.ticketing.common.events.Event;

/**
 * Applies one event. It runs in a database transaction that also records the event in the
 * inbox, so its effect happens once however often the event is delivered. Throwing rolls
 * both back: {@link PoisonEventException} sets the message aside at once, anything else
 * is retried with backoff until the consumer's max deliveries.
 *
 * @param <T> the payload type
 */
@FunctionalInterface
public interface EventHandler<T> {

	void handle(Event<T> event);

}
