/**
 * Listings: their rules, storage, events and the API.
 */
@NullMarked
package dev.ticketing.tickets.ticket;

import org.jspecify.annotations.NullMarked;
