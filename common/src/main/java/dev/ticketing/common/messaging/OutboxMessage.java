package dev.ticketing.common.messaging;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An outbox row: one event waiting to be published.
 *
 * @param id the event id, published as {@code Nats-Msg-Id}
 * @param subject the subject to publish on
 * @param body the exact message body
 * @param traceparent the W3C trace context of the transaction that wrote the row, or
 * {@code null} when it was not traced
 */
record OutboxMessage(UUID id, String subject, String body, @Nullable String traceparent) {

}
