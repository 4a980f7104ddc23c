/**
 * Orders and their state machine: placing, cancelling, completing, and the API.
 */
@NullMarked
package dev.ticketing.orders.order;

import org.jspecify.annotations.NullMarked;
