/**
 * Payloads of {@code tickets.v1.>}, published by tickets-service.
 */
@NullMarked
package dev.ticketing.common.events.tickets.v1;

import org.jspecify.annotations.NullMarked;
