package dev.ticketing.auth.session;

/**
 * A freshly issued pair of tokens for an account.
 *
 * @param user the account
 * @param accessToken the signed access token (JWT)
 * @param refreshToken the opaque refresh token, stored only as its hash
 */
public record Session(SessionUser user, String accessToken, String refreshToken) {

}
