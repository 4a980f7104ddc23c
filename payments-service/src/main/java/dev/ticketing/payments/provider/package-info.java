/**
 * The payment provider interface, its metering and the simulated provider.
 */
@NullMarked
package dev.ticketing.payments.provider;

import org.jspecify.annotations.NullMarked;
