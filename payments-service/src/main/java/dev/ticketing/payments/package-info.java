/**
 * payments-service: charges, refunds and the order replica (DESIGN §2, payments-
 * service).
 */
@NullMarked
package dev.ticketing.payments;

import org.jspecify.annotations.NullMarked;
