/**
 * orders-service: orders with a hold window (DESIGN §2, orders-service).
 */
@NullMarked
package dev.ticketing.orders;

import org.jspecify.annotations.NullMarked;
