/**
 * Resale: the holder of a pass lists the ticket again (DESIGN §2, {@code POST
 * /api/tickets/{id}/resale}).
 */
@NullMarked
package dev.ticketing.tickets.resale;

import org.jspecify.annotations.NullMarked;
