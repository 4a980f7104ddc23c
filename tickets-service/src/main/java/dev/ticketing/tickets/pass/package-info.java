/**
 * Passes: what a listing's buyer holds, its signed code, resale of it and check-in at the
 * door (DESIGN §2, "Pass").
 */
@NullMarked
package dev.ticketing.tickets.pass;

import org.jspecify.annotations.NullMarked;
