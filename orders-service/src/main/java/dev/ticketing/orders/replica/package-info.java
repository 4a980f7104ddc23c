/**
 * What orders-service knows of tickets, from tickets-service's events.
 */
@NullMarked
package dev.ticketing.orders.replica;

import org.jspecify.annotations.NullMarked;
