/**
 * Completing orders when payments-service reports a payment.
 */
@NullMarked
package dev.ticketing.orders.payment;

import org.jspecify.annotations.NullMarked;
