/**
 * auth-service's settings and password hashing.
 */
@NullMarked
package dev.ticketing.auth.config;

import org.jspecify.annotations.NullMarked;
