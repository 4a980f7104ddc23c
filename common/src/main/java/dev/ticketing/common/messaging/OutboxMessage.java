package dev.ticketing.common.messaging;

import java.util.UUID;

/**
 * An outbox row: one event waiting to be published.
 *
 * @param id the event id, published as {@code Nats-Msg-Id}
 * @param subject the subject to publish on
 * @param body the exact message body
 */
record OutboxMessage(UUID id, String subject, String body) {

}
