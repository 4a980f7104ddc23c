package dev.ticketing.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import io.jsonwebtoken.Jwts;
import org.junit.jupiter.params.provider.Arguments;

import dev.ticketing.common.jwt.TestKeys;
import dev.ticketing.common.jwt.TokenClaims;

import static dev.ticketing.common.testing.TestTokens.KEYS;

/**
 * Access tokens every protected route must refuse with 401 {@code unauthenticated}:
 * expired, not yet valid, for another audience or issuer, signed by another key, forged,
 * unsigned, tampered with, with roles that are not an array of strings, or not a JWT at
 * all. Each is made for a given user id, so a test can tell that nothing was done in that
 * user's name.
 */
public final class BadTokens {

	private BadTokens() {
	}

	/**
	 * Every case as {@code (name, Function<UUID, String> tokenForUser)}, for
	 * {@code @MethodSource("dev.ticketing.common.testing.BadTokens#all")}.
	 */
	public static Stream<Arguments> all() {
		return Stream.of(
				token("expired", (user) -> KEYS.builder(user, Instant.now().minus(Duration.ofHours(1)))
					.compact()),
				token("expired beyond the 60 s skew",
						(user) -> KEYS.builder(user, Instant.now().minus(Duration.ofMinutes(20)))
							.expiration(Date.from(Instant.now().minusSeconds(120)))
							.compact()),
				token("not valid yet",
						(user) -> KEYS.builder(user, Instant.now())
							.notBefore(Date.from(Instant.now().plus(Duration.ofMinutes(5))))
							.compact()),
				token("wrong audience",
						(user) -> KEYS.builder(user, Instant.now())
							.audience()
							.clear()
							.add("someone-else")
							.and()
							.compact()),
				token("no audience", (user) -> KEYS.builder(user, Instant.now()).audience().clear().and().compact()),
				token("wrong issuer", (user) -> KEYS.builder(user, Instant.now()).issuer("evil-auth").compact()),
				token("no expiry", (user) -> KEYS.builder(user, Instant.now()).expiration(null).compact()),
				token("subject is not a user id", (user) -> KEYS.builder(user, Instant.now()).subject("ada").compact()),
				token("roles is a string, not an array",
						(user) -> KEYS.builder(user, Instant.now()).claim(TokenClaims.ROLES, "door").compact()),
				token("signed by an unknown key", (user) -> TestKeys.generate().builder(user, Instant.now()).compact()),
				token("forged: another key under the trusted key id",
						(user) -> new TestKeys(KEYS.keyId(), TestKeys.generate().pair()).builder(user, Instant.now())
							.compact()),
				token("HS256 under the trusted key id",
						(user) -> KEYS.builder(user, Instant.now())
							.signWith(Jwts.SIG.HS256.key().build(), Jwts.SIG.HS256)
							.compact()),
				token("alg none", BadTokens::unsigned), token("tampered payload", BadTokens::tampered),
				token("signature removed", (user) -> {
					String valid = KEYS.builder(user, Instant.now()).compact();
					return valid.substring(0, valid.lastIndexOf('.') + 1);
				}), token("garbage", (user) -> "not-a-jwt"), token("three garbage parts", (user) -> "a.b.c"));
	}

	private static Arguments token(String name, Function<UUID, String> token) {
		return Arguments.of(name, token);
	}

	/**
	 * A token that says {@code "alg": "none"} and carries valid claims but no signature.
	 */
	private static String unsigned(UUID user) {
		String valid = KEYS.builder(user, Instant.now()).compact();
		String header = base64Url("{\"alg\":\"none\",\"kid\":\"" + KEYS.keyId() + "\"}");
		return header + "." + valid.split("\\.")[1] + ".";
	}

	/** A valid token whose claims were swapped for another user's, signature kept. */
	private static String tampered(UUID user) {
		String[] signed = KEYS.builder(UUID.randomUUID(), Instant.now()).compact().split("\\.");
		String[] wanted = KEYS.builder(user, Instant.now()).compact().split("\\.");
		return signed[0] + "." + wanted[1] + "." + signed[2];
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

}
