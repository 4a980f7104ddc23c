/**
 * How tickets follow orders: reserve, release, sell.
 */
@NullMarked
package dev.ticketing.tickets.reservation;

import org.jspecify.annotations.NullMarked;
