package dev.ticketing.common.testing;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.common.jwt.TestKeys;

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
	 * signing and checking makes it not valid yet.
	 */
	public static String accessToken(UUID userId) {
		return KEYS.builder(userId, Instant.now().minusSeconds(1)).compact();
	}

	/** The {@code Authorization} header value that authenticates a user. */
	public static String bearer(UUID userId) {
		return "Bearer " + accessToken(userId);
	}

}
