package dev.ticketing.auth.session;

import dev.ticketing.auth.account.UserResponse;

/**
 * A freshly issued pair of tokens for a user.
 */
public record Session(UserResponse user, String accessToken, String refreshToken) {
}
