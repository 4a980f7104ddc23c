/**
 * What payments-service knows of orders, and whether one can be paid.
 */
@NullMarked
package dev.ticketing.payments.order;

import org.jspecify.annotations.NullMarked;
