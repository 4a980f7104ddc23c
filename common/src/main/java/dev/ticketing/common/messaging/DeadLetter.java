package dev.ticketing.common.messaging;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A message a consumer gave up on: an entry of the dead-letter stream and the message it
 * points to.
 *
 * @param sequence the entry's sequence in the dead-letter stream, used to replay it
 * @param reason {@code terminated} (malformed, poison, or out of retries) or
 * {@code max_deliveries} (never acknowledged, e.g. the consumer crashed on it each time)
 * @param stream the stream the message is in
 * @param consumer the durable consumer that gave up
 * @param streamSequence the message's sequence in {@code stream}
 * @param deliveries how often it was delivered
 * @param at when the consumer gave up
 * @param subject the message's subject, {@code null} if it has left the stream
 * @param body the message body, {@code null} if it has left the stream
 */
public record DeadLetter(long sequence, String reason, String stream, String consumer, long streamSequence,
		long deliveries, Instant at, @Nullable String subject, @Nullable String body) {

}
