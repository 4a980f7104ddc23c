package dev.ticketing.common.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The envelope every message on the event backbone carries (DESIGN §3): {@code {"id",
 * "type", "occurredAt", "data"}}. {@code id} is also the message's {@code Nats-Msg-Id},
 * and consumers remember it to ignore a second delivery.
 *
 * @param <T> the payload type, one of the records in {@link EventType}
 * @param id the event id
 * @param type the subject the event is published on
 * @param occurredAt when the state change was committed
 * @param data the payload
 */
public record Event<T>(UUID id, String type, Instant occurredAt, T data) {

	public Event {
		Objects.requireNonNull(id, "id");
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(occurredAt, "occurredAt");
		Objects.requireNonNull(data, "data");
	}

	/** A new event with a random id for a payload whose subject is known. */
	public static <T> Event<T> of(T data, Instant occurredAt) {
		return new Event<>(UUID.randomUUID(), EventType.of(data).subject(), occurredAt, data);
	}

}
