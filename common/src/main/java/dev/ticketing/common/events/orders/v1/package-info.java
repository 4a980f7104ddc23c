/**
 * Payloads of {@code orders.v1.>}, published by orders-service.
 */
@NullMarked
package dev.ticketing.common.events.orders.v1;

import org.jspecify.annotations.NullMarked;
