/**
 * tickets-service: listings, their reservation by orders, and the passes their buyers
 * hold (DESIGN §2, tickets-service).
 */
@NullMarked
package dev.ticketing.tickets;

import org.jspecify.annotations.NullMarked;
