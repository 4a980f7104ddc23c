/**
 * Cancelling holds that ran out.
 */
@NullMarked
package dev.ticketing.orders.expiry;

import org.jspecify.annotations.NullMarked;
