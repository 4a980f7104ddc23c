/**
 * Payments: charging an order once whatever the retries, the late-payment saga, settling
 * charges the provider reports, and the API.
 */
@NullMarked
package dev.ticketing.payments.payment;

import org.jspecify.annotations.NullMarked;
