package dev.ticketing.common.jwt;

/**
 * The fixed values of the access tokens auth-service issues (DESIGN §2, "Sessions").
 */
public final class TokenClaims {

	/** {@code iss} of every access token. */
	public static final String ISSUER = "ticketing-auth";

	/** {@code aud} of every access token. */
	public static final String AUDIENCE = "ticketing";

	/** Private claim carrying the user's email address. */
	public static final String EMAIL = "email";

	/**
	 * Private claim carrying the account's roles: an array of strings, absent when it has
	 * none.
	 */
	public static final String ROLES = "roles";

	/** The only JWS algorithm accepted, EdDSA over Ed25519. */
	public static final String ALGORITHM = "EdDSA";

	private TokenClaims() {
	}

}
