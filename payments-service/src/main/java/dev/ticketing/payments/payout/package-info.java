/**
 * Seller payouts: payout accounts, the payout job, and the payout provider interface.
 */
@NullMarked
package dev.ticketing.payments.payout;

import org.jspecify.annotations.NullMarked;
