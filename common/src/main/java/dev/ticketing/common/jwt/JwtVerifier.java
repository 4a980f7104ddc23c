package dev.ticketing.common.jwt;

import java.security.Provider;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Verifies access tokens: EdDSA signatures only, keys looked up by {@code kid}, and
 * {@code iss}, {@code aud}, {@code exp} and {@code nbf} checked with a bounded clock
 * skew, and the {@code roles} claim, when there is one, an array of strings. Plain Java,
 * so any service (and any test) can use it without Spring.
 * <p>
 * Verification is on every authenticated request's path, so it is made cheap twice over.
 * Signatures are checked with BouncyCastle's Ed25519, several times faster than the
 * JDK's. And a token that passed stays acceptable until it expires, so the result is kept
 * in a bounded cache keyed by the whole token: a token is only ever served from the cache
 * if exactly the same string was verified before, so a forged or altered one is always
 * checked in full. A cached token is still refused once it expires by this verifier's
 * clock, or once its signing key is no longer published under its {@code kid}.
 */
public final class JwtVerifier {

	/** The largest clock skew DESIGN §2 allows. */
	public static final long MAX_CLOCK_SKEW_SECONDS = 60;

	/** How many verified tokens are remembered: about as many as users active at once. */
	static final int CACHE_SIZE = 10_000;

	/** Not registered with the JDK: it serves this verifier's signature checks alone. */
	private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

	private final JwtParser parser;

	private final PublicKeyResolver keys;

	private final Duration clockSkew;

	private final Clock clock;

	private final Cache<String, Verified> verified;

	public JwtVerifier(PublicKeyResolver keys, long clockSkewSeconds, Clock clock) {
		if (clockSkewSeconds < 0 || clockSkewSeconds > MAX_CLOCK_SKEW_SECONDS) {
			throw new IllegalArgumentException("clock skew must be between 0 and 60 seconds");
		}
		this.keys = keys;
		this.clockSkew = Duration.ofSeconds(clockSkewSeconds);
		this.clock = clock;
		this.verified = Caffeine.newBuilder()
			.maximumSize(CACHE_SIZE)
			.expireAfter(new UntilExpiry())
			.recordStats()
			.build();
		this.parser = Jwts.parser()
			.provider(BOUNCY_CASTLE)
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
		Verified cached = this.verified.getIfPresent(token);
		if (cached != null) {
			if (acceptable(cached)) {
				return cached.token();
			}
			this.verified.invalidate(token);
		}
		Verified checked = check(token);
		this.verified.put(token, checked);
		return checked.token();
	}

	/** How often a token was served from the cache, and how many are in it: for tests. */
	CacheStats cacheStats() {
		return this.verified.stats();
	}

	/**
	 * Whether a token verified earlier is still within its lifetime and its key still
	 * published.
	 */
	private boolean acceptable(Verified cached) {
		return this.clock.instant().isBefore(cached.usableUntil(this.clockSkew))
				&& this.keys.find(cached.keyId()).filter(cached.key()::equals).isPresent();
	}

	private Verified check(String token) {
		Claims claims;
		String keyId;
		PublicKey key;
		try {
			Jws<Claims> jws = this.parser.parseSignedClaims(token);
			claims = jws.getPayload();
			keyId = jws.getHeader().getKeyId();
			key = this.keys.find(keyId).orElseThrow(() -> new InvalidTokenException("key " + keyId + " is gone"));
		}
		catch (JwtException | IllegalArgumentException ex) {
			throw new InvalidTokenException("token rejected: " + ex.getMessage(), ex);
		}
		UUID userId = parseSubject(claims.getSubject());
		String email = claims.get(TokenClaims.EMAIL, String.class);
		if (email == null || claims.getExpiration() == null || claims.getId() == null) {
			throw new InvalidTokenException("token lacks email, exp or jti");
		}
		return new Verified(
				new VerifiedToken(userId, email, roles(claims), claims.getId(), claims.getExpiration().toInstant()),
				keyId, key);
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

	/** A token that passed every check, and the key that signed it. */
	private record Verified(VerifiedToken token, String keyId, PublicKey key) {

		Instant usableUntil(Duration clockSkew) {
			return this.token.expiresAt().plus(clockSkew);
		}

	}

	/** Forgets a verified token when it could no longer be accepted anyway. */
	private final class UntilExpiry implements Expiry<String, Verified> {

		@Override
		public long expireAfterCreate(String token, Verified verified, long currentTime) {
			Duration left = Duration.between(JwtVerifier.this.clock.instant(),
					verified.usableUntil(JwtVerifier.this.clockSkew));
			return Math.max(0, left.toNanos());
		}

		@Override
		public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
			return expireAfterCreate(token, verified, currentTime);
		}

		@Override
		public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
			return currentDuration;
		}

	}

}
