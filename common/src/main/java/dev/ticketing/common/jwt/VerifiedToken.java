package dev.ticketing.common.jwt;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The claims of an access token whose signature, issuer, audience and lifetime were
 * checked.
 *
 * @param userId the {@code sub} claim: the user's id
 * @param email the {@code email} claim
 * @param roles the {@code roles} claim; empty when the token has none
 * @param tokenId the {@code jti} claim
 * @param expiresAt the {@code exp} claim
 */
public record VerifiedToken(UUID userId, String email, Set<String> roles, String tokenId, Instant expiresAt) {

	public VerifiedToken {
		roles = Set.copyOf(roles);
	}

}
