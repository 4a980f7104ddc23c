/**
 * Sessions: access tokens, rotating refresh tokens and their cookies; accounts are known
 * only through {@link dev.ticketing.auth.session.SessionUsers}.
 */
@NullMarked
package dev.ticketing.auth.session;

import org.jspecify.annotations.NullMarked;
