package dev.ticketing.auth.account;

import java.time.Instant;
import java.util.UUID;

/**
 * An account. The email is kept as the user typed it; uniqueness ignores case.
 */
public record User(UUID id, String email, String passwordHash, Instant createdAt) {
}
