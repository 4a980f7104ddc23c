/**
 * tickets-service's settings and the beans made from them.
 */
@NullMarked
package dev.ticketing.tickets.config;

import org.jspecify.annotations.NullMarked;
