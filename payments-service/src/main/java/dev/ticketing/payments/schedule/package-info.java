/**
 * The jobs that move sellers' money: releases, then payouts, driven by the payments
 * database.
 */
@NullMarked
package dev.ticketing.payments.schedule;

import org.jspecify.annotations.NullMarked;
