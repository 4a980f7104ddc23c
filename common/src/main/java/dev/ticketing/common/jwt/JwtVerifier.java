package dev.ticketing.common.jwt;

import java.time.Clock;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;

/**
 * Verifies access tokens: EdDSA signatures only, keys looked up by {@code kid}, and
 * {@code iss}, {@code aud}, {@code exp} and {@code nbf} checked with a bounded clock
 * skew, and the {@code roles} claim, when there is one, an array of strings. Plain Java,
 * so any service (and any test) can use it without Spring.
 */
public final class JwtVerifier {

	/** The largest clock skew DESIGN §2 allows. */
	public static final long MAX_CLOCK_SKEW_SECONDS = 60;

	private final JwtParser parser;

	public JwtVerifier(PublicKeyResolver keys, long clockSkewSeconds, Clock clock) {
		if (clockSkewSeconds < 0 || clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS) {
			throw new IllegalArgumentException("clock skew must be between 0 and 60 seconds");
		}
		this.parser = Jwts.parser()
			.keyLocator(new EdDsaKeyLocator(keys))
			.requireIssuer(TokenClaims.ISSUER)
			.requireAudience(TokenClaims.AUDIENCE)
			.clockSkewSeconds(clockSkewSeconds)
			.clock(() -> Date.from(clock.instant()))
			.build();
	}

	/**
	 * @throws InvalidTokenException when the token is not acceptable for any reason
	 */
	public VerifiedToken verify(String token) {
		if (token == null || token.isBlank()) {
			throw new InvalidTokenException("no token");
		}
		Claims claims;
		try {
			claims = this.parser.parseSignedClaims(token).getPayload();
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new InvalidTokenException("token rejected: " + ex.getMessage(), ex);
		}
		UUID userId = parseSubject(claims.getSubject());
		String email = claims.get(TokenClaims.EMAIL, String.class);
		if (email == null || claims.getExpiration() == null || claims.getId() == null) {
			throw new InvalidTokenException("token lacks email, exp or jti");
		}
		return new VerifiedToken(userId, email, roles(claims), claims.getId(), claims.getExpiration().toInstant());
	}

	/**
	 * An absent claim is no roles; anything but an array of strings makes the whole token
	 * unacceptable, so that no service guesses what a malformed claim meant.
	 */
	private static Set<String> roles(Claims claims) {
		Object claim = claims.get(TokenClaims.ROLES);
		if (claim == null) {
			return Set.of();
		}
		if (!(claim instanceof List<?> values)) {
			throw new InvalidTokenException("roles is not an array");
		}
		Set<String> roles = new HashSet<>();
		for (Object value : values) {
			if (!(value instanceof String role)) {
				throw new InvalidTokenException("roles holds something that is not a string");
			}
			roles.add(role);
		}
		return roles;
	}

	private static UUID parseSubject(String subject) {
		try {
			return UUID.fromString(subject);
		}
		catch (RuntimeException ex) {
			throw new InvalidTokenException("subject is not a user id", ex);
		}
	}

}
