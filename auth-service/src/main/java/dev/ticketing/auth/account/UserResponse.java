package dev.ticketing.auth.account;

import java.util.UUID;

/**
 * {@code {id, email}}, the public view of an account.
 */
public record UserResponse(UUID id, String email) {
}
