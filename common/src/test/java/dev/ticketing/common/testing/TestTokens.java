package dev.ticketing.common.testing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.ticketing.common.jwt.TestKeys;
import dev.ticketing.common.jwt.TokenClaims;
import io.jsonwebtoken.JwtBuilder;

/**
 * The key every service's tests sign access tokens with, trusted through
 * {@link TestSecurityConfiguration} in place of auth-service's JWKS. It lives here rather
 * than in {@link ServiceIntegrationTest}, whose class starts a nats-server, so that a
 * slice test can sign tokens without one.
 */
public final class TestTokens {

	/** The signing key of every test token. */
	public static final TestKeys KEYS = TestKeys.generate();

	private TestTokens() {
	}

	/**
	 * A valid access token for a user, issued a second ago so that no clock between
	 * signing and checking makes it not valid yet. It carries the {@code roles} claim
	 * when roles are given (e.g. {@code Roles.DOOR}), and none otherwise, as auth-service
	 * issues tokens.
	 */
	public static String accessToken(UUID userId, String... roles) {
		JwtBuilder token = KEYS.builder(userId, Instant.now().minusSeconds(1));
		if (roles.length > 0) {
			token.claim(TokenClaims.ROLES, List.of(roles));
		}
		return token.compact();
	}

	/**
	 * The {@code Authorization} header value that authenticates a user, holding the roles
	 * given.
	 */
	public static String bearer(UUID userId, String... roles) {
		return "Bearer " + accessToken(userId, roles);
	}

}
