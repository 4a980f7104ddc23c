package dev.ticketing.auth.session;

import java.util.UUID;

/**
 * The account a session is for, as far as sessions need to know it.
 *
 * @param id the account's id, the tokens' {@code sub}
 * @param email its email address, the access token's {@code email}
 */
public record SessionUser(UUID id, String email) {

}
