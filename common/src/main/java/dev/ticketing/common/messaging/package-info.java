/**
 * The event backbone (docs/adr/0007): the outbox and its relay, consumers with their
 * inbox, dead letters, and the tables they use (docs/adr/0013). Services use
 * {@link Outbox}, {@link EventSubscription} and {@link VersionedUpsert}; the rest is
 * internal.
 */
@NullMarked
package dev.ticketing.common.messaging;

import org.jspecify.annotations.NullMarked;
