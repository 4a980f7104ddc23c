package dev.ticketing.auth.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import dev.ticketing.auth.config.AuthProperties;
import dev.ticketing.auth.keys.SigningKeys;
import dev.ticketing.common.jwt.TokenClaims;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;

import org.springframework.stereotype.Component;

/**
 * Signs access tokens: EdDSA (Ed25519) with the current key's {@code kid}, claims as
 * DESIGN §2 lists them, {@code roles} as the account holds them when the session starts
 * or renews.
 */
@Component
class AccessTokens {

	private final SigningKeys keys;

	private final Duration ttl;

	private final Clock clock;

	AccessTokens(SigningKeys keys, AuthProperties properties, Clock clock) {
		this.keys = keys;
		this.ttl = properties.accessTokenTtl();
		this.clock = clock;
	}

	String issue(SessionUser user) {
		Instant now = this.clock.instant();
		JwtBuilder token = Jwts.builder()
			.header()
			.keyId(this.keys.signingKeyId())
			.and()
			.issuer(TokenClaims.ISSUER)
			.audience()
			.add(TokenClaims.AUDIENCE)
			.and()
			.subject(user.id().toString())
			.claim(TokenClaims.EMAIL, user.email())
			.issuedAt(Date.from(now))
			.notBefore(Date.from(now))
			.expiration(Date.from(now.plus(this.ttl)))
			.id(UUID.randomUUID().toString())
			.signWith(this.keys.signingKey(), Jwts.SIG.EdDSA);
		if (!user.roles().isEmpty()) {
			// DESIGN §2: an array, absent when the account has none.
			token.claim(TokenClaims.ROLES, user.roles().stream().sorted().toList());
		}
		return token.compact();
	}

}
