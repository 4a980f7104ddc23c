/**
 * The double-entry ledger: journals of entries that sum to 0 per currency, appended and
 * never changed (the database refuses updates, deletes and unbalanced journals), and the
 * balances read from it.
 */
@NullMarked
package dev.ticketing.payments.ledger;

import org.jspecify.annotations.NullMarked;
