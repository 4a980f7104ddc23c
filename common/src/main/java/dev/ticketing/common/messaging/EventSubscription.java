package dev.ticketing.common.messaging;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.EventType;

/**
 * What a service consumes from one stream: a durable pull consumer of all v1 events of
 * the stream (DESIGN §3: one durable per consuming service and stream) and a handler per
 * event type. Events of types without a handler are acknowledged and skipped. Declared as
 * a bean; {@link EventSubscribers} runs it.
 */
public final class EventSubscription {

	private final EventStream stream;

	private final @Nullable String durable;

	private final Map<EventType, EventHandler<?>> handlers;

	private EventSubscription(EventStream stream, @Nullable String durable, Map<EventType, EventHandler<?>> handlers) {
		this.stream = stream;
		this.durable = durable;
		this.handlers = Collections.unmodifiableMap(handlers);
	}

	/** Starts a subscription to a stream under the service's durable name. */
	public static Builder to(EventStream stream) {
		return new Builder(stream);
	}

	EventStream stream() {
		return this.stream;
	}

	/** The durable name, if not the service's default. */
	Optional<String> durable() {
		return Optional.ofNullable(this.durable);
	}

	Optional<EventHandler<Object>> handlerFor(EventType type) {
		@SuppressWarnings("unchecked")
		EventHandler<Object> handler = (EventHandler<Object>) this.handlers.get(type);
		return Optional.ofNullable(handler);
	}

	/**
	 * Builds an {@link EventSubscription}.
	 */
	public static final class Builder {

		private final EventStream stream;

		private final Map<EventType, EventHandler<?>> handlers = new EnumMap<>(EventType.class);

		private @Nullable String durable;

		private Builder(EventStream stream) {
			this.stream = stream;
		}

		/** Uses another durable name than {@code spring.application.name}. */
		public Builder durable(String durable) {
			this.durable = durable;
			return this;
		}

		/** Handles events whose payload is of the given record type. */
		public <T> Builder on(Class<T> dataType, EventHandler<T> handler) {
			EventType type = Arrays.stream(EventType.values())
				.filter((candidate) -> candidate.dataType() == dataType)
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Not an event payload: " + dataType.getName()));
			if (type.stream() != this.stream) {
				throw new IllegalArgumentException(type.subject() + " is not in stream " + this.stream);
			}
			this.handlers.put(type, handler);
			return this;
		}

		public EventSubscription build() {
			return new EventSubscription(this.stream, this.durable, this.handlers);
		}

	}

	/** Used in log lines. */
	@Override
	public String toString() {
		return this.stream + " " + this.handlers.keySet().stream().map(EventType::subject).toList();
	}

}
