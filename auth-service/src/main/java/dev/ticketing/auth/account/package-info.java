/**
 * Accounts: sign-up, sign-in with its rate limits, and the signed-in user.
 */
@NullMarked
package dev.ticketing.auth.account;

import org.jspecify.annotations.NullMarked;
