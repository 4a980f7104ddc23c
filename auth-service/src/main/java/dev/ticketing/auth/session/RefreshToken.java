package dev.ticketing.auth.session;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A stored refresh token. Only the SHA-256 of the token value is kept. Every token
 * descends from the one issued at sign-in through rotations; they share a
 * {@code familyId}.
 */
record RefreshToken(UUID id, UUID familyId, UUID userId, byte[] tokenHash, Instant createdAt, Instant expiresAt,
		@Nullable Instant rotatedAt, @Nullable Instant revokedAt) {

	boolean isRotated() {
		return this.rotatedAt != null;
	}

	boolean isRevoked() {
		return this.revokedAt != null;
	}

	boolean isExpiredAt(Instant now) {
		return !this.expiresAt.isAfter(now);
	}

}
