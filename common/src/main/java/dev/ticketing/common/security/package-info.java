/**
 * Stateless security of every service: tokens from the session cookie or a Bearer header,
 * the CSRF rule, 401 and 403 as problems.
 */
@NullMarked
package dev.ticketing.common.security;

import org.jspecify.annotations.NullMarked;
