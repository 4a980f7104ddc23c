/**
 * Escrow: each completed order's money is held until after its event, then released to
 * its seller less the platform fee, by a job driven by rows in the payments database.
 */
@NullMarked
package dev.ticketing.payments.escrow;

import org.jspecify.annotations.NullMarked;
