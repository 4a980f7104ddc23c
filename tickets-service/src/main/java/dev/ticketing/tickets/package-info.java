/**
 * tickets-service: listings and their reservation by orders (DESIGN §2, tickets-
 * service).
 */
@NullMarked
package dev.ticketing.tickets;

import org.jspecify.annotations.NullMarked;
