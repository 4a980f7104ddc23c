package dev.ticketing.common.messaging;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import org.jspecify.annotations.Nullable;

/**
 * Carries a trace across the outbox and JetStream (DESIGN §3): the W3C
 * {@code traceparent} of the transaction that appends an event is stored with its outbox
 * row, the relay's publish span is that context's child and sends its own context as the
 * message's {@code traceparent} header, and each consumer's handling is a child of the
 * header's context, on every delivery. The events a handler appends in turn so continue
 * the same trace. See docs/adr/0022.
 */
final class MessageTracing {

	/**
	 * The W3C trace context header, as a NATS header and as stored with an outbox row.
	 */
	static final String TRACEPARENT = "traceparent";

	private final Tracer tracer;

	private final Propagator propagator;

	MessageTracing(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** Tracing switched off: no spans, no headers. */
	static MessageTracing off() {
		return new MessageTracing(Tracer.NOOP, Propagator.NOOP);
	}

	/**
	 * The {@code traceparent} of the current span, or {@code null} when there is none.
	 */
	@Nullable String currentTraceparent() {
		Span current = this.tracer.currentSpan();
		if (current == null) {
			return null;
		}
		Map<String, String> carrier = new HashMap<>();
		this.propagator.inject(current.context(), carrier, MessageTracing::put);
		return carrier.get(TRACEPARENT);
	}

	/**
	 * Starts the span of publishing an outbox row, a child of the context stored with it,
	 * and writes the span's own context into the message's headers.
	 */
	Span startPublish(OutboxMessage message, Headers headers) {
		Map<String, String> stored = new HashMap<>();
		if (message.traceparent() != null) {
			stored.put(TRACEPARENT, message.traceparent());
		}
		Span span = this.propagator.extract(stored, Map::get)
			.name("publish " + message.subject())
			.kind(Span.Kind.PRODUCER)
			.tag("messaging.system", "nats")
			.tag("messaging.operation.type", "send")
			.tag("messaging.destination.name", message.subject())
			.tag("messaging.message.id", message.id().toString())
			.start();
		this.propagator.inject(span.context(), headers, MessageTracing::put);
		return span;
	}

	/**
	 * Starts the span of one consumer's handling of one delivery of a message, a child of
	 * the context in the message's headers (a new trace when it has none).
	 */
	Span startProcess(Message message, String durable, long deliveries) {
		Headers headers = message.getHeaders();
		Span.Builder builder = (headers != null) ? this.propagator.extract(headers, Headers::getFirst)
				: this.tracer.spanBuilder().setNoParent();
		return builder.name("process " + message.getSubject())
			.kind(Span.Kind.CONSUMER)
			.tag("messaging.system", "nats")
			.tag("messaging.operation.type", "process")
			.tag("messaging.destination.name", message.getSubject())
			.tag("messaging.consumer.group.name", durable)
			.tag("messaging.nats.delivery", deliveries)
			.start();
	}

	private static void put(@Nullable Map<String, String> carrier, String key, String value) {
		if (carrier != null) {
			carrier.put(key, value);
		}
	}

	private static void put(@Nullable Headers carrier, String key, String value) {
		if (carrier != null) {
			carrier.put(key, value);
		}
	}

	/** Makes the span current until the scope is closed (log lines carry its ids). */
	Tracer.SpanInScope inScope(Span span) {
		return this.tracer.withSpan(span);
	}

}
