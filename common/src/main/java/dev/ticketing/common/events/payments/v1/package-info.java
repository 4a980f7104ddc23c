/**
 * Payloads of {@code payments.v1.>}, published by payments-service.
 */
@NullMarked
package dev.ticketing.common.events.payments.v1;

import org.jspecify.annotations.NullMarked;
