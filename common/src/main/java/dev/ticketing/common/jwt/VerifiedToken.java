package dev.ticketing.common.jwt;

import java.time.Instant;
import java.util.UUID;

/**
 * The claims of an access token whose signature, issuer, audience and lifetime were
 * checked.
 *
 * @param userId the {@code sub} claim: the user's id
 * @param email the {@code email} claim
 * @param tokenId the {@code jti} claim
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedToken(UUID userId, String email, String tokenId, Instant expiresAt) {
}
