package dev.ticketing.common.security;

import java.util.UUID;

/**
 * The signed-in user of a request, taken from a verified access token. Controllers
 * receive it with {@code @AuthenticationPrincipal AuthenticatedUser user}.
 *
 * @param id the user's id ({@code sub})
 * @param email the user's email address
 */
public record AuthenticatedUser(UUID id, String email) {
}
