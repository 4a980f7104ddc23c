/**
 * The Ed25519 signing key and its JWKS.
 */
@NullMarked
package dev.ticketing.auth.keys;

import org.jspecify.annotations.NullMarked;
