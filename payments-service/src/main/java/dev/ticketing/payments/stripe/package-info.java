/**
 * Stripe as the payment provider: PaymentIntents, refunds and its webhooks.
 */
@NullMarked
package dev.ticketing.payments.stripe;

import org.jspecify.annotations.NullMarked;
