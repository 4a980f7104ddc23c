package dev.ticketing.common.jwt;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwks;
import io.jsonwebtoken.security.PublicJwk;

/**
 * An Ed25519 signing key under a key id, and access tokens signed with it the way
 * auth-service signs them.
 *
 * @param keyId the {@code kid} of the key
 * @param pair the key pair
 */
public record TestKeys(String keyId, KeyPair pair) {

	/**
	 * A new key pair under its JWK thumbprint as key id, as auth-service publishes keys.
	 */
	public static TestKeys generate() {
		try {
			KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
			return new TestKeys(jwk(pair).getId(), pair);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The public key as a JWK, as a JWKS endpoint publishes it. */
	public PublicJwk<?> publicJwk() {
		return jwk(this.pair);
	}

	private static PublicJwk<?> jwk(KeyPair pair) {
		return Jwks.builder().key(pair.getPublic()).idFromThumbprint().build();
	}

	/** A token for a random user, valid for 15 minutes from {@code now}. */
	public String token(Instant now) {
		return builder(UUID.randomUUID(), now).compact();
	}

	/**
	 * A builder with every claim of a valid access token already set and the signing key
	 * chosen; tests override single claims before {@code compact()}.
	 */
	public JwtBuilder builder(UUID userId, Instant now) {
		return Jwts.builder()
			.header()
			.keyId(this.keyId)
			.and()
			.issuer(TokenClaims.ISSUER)
			.audience()
			.add(TokenClaims.AUDIENCE)
			.and()
			.subject(userId.toString())
			.claim(TokenClaims.EMAIL, "ada@example.com")
			.id(UUID.randomUUID().toString())
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(Duration.ofMinutes(15))))
			.signWith(this.pair.getPrivate(), Jwts.SIG.EdDSA);
	}

}
