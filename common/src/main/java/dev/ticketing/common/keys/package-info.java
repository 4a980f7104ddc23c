/**
 * Ed25519 key sets: the private key a service signs with, loaded from a PEM (a Secret) or
 * generated once on disk for local runs, and the public keys it publishes as a JWKS.
 */
@NullMarked
package dev.ticketing.common.keys;

import org.jspecify.annotations.NullMarked;
