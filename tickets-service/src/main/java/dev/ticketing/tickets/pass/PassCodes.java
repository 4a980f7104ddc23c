package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import org.jspecify.annotations.Nullable;

import dev.ticketing.common.jwt.EdDsaKeyLocator;
import dev.ticketing.common.jwt.InvalidTokenException;
import dev.ticketing.common.keys.Ed25519KeySet;

/**
 * Pass codes (DESIGN §2, "Pass"): a compact JWS, EdDSA with header {@code kid}, over
 * {@code {pid, tid, iat}}, signed with tickets-service's own pass key, so that a scanner
 * can reject a forgery offline with the public keys of
 * {@code /api/tickets/.well-known/jwks.json}. Whether a genuine code admits anyone is the
 * pass's status, decided at check-in.
 */
public final class PassCodes {

	/** Far longer than any code this service signs (about 320 characters). */
	static final int MAX_LENGTH = 1024;

	private static final String PASS = "pid";

	private static final String TICKET = "tid";

	private final Ed25519KeySet keys;

	private final JwtParser parser;

	public PassCodes(Ed25519KeySet keys) {
		this.keys = keys;
		this.parser = Jwts.parser().keyLocator(new EdDsaKeyLocator(keys)).build();
	}

	/** The JWK set of the public keys that verify codes, as JSON members. */
	Map<String, Object> jwkSet() {
		return this.keys.jwkSet();
	}

	/** The code of a pass. */
	String sign(UUID passId, UUID ticketId, Instant issuedAt) {
		return Jwts.builder()
			.header()
			.keyId(this.keys.signingKeyId())
			.and()
			.claim(PASS, passId.toString())
			.claim(TICKET, ticketId.toString())
			.issuedAt(Date.from(issuedAt))
			.signWith(this.keys.signingKey(), Jwts.SIG.EdDSA)
			.compact();
	}

	/**
	 * What a genuine code says.
	 * @throws CodeInvalidException if the text is not a code this service signed
	 */
	PassClaims read(String code) {
		if (code.isEmpty() || code.length() > MAX_LENGTH) {
			throw new CodeInvalidException();
		}
		try {
			Claims claims = this.parser.parseSignedClaims(code).getPayload();
			return new PassClaims(uuid(claims.get(PASS)), uuid(claims.get(TICKET)));
		}
		catch (JwtException | InvalidTokenException | IllegalArgumentException ex) {
			throw new CodeInvalidException();
		}
	}

	private static UUID uuid(@Nullable Object claim) {
		if (!(claim instanceof String text)) {
			throw new IllegalArgumentException("not a string");
		}
		return UUID.fromString(text);
	}

	/**
	 * @param passId {@code pid}
	 * @param ticketId {@code tid}
	 */
	record PassClaims(UUID passId, UUID ticketId) {
	}

}
