package dev.ticketing.auth.session;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

interface RefreshTokenRepository {

	void insert(RefreshToken token);

	/** Finds a token by hash and locks it until the transaction ends. */
	Optional<RefreshToken> findByHashForUpdate(byte[] tokenHash);

	void markRotated(UUID id, Instant at);

	/** Revokes every token of the family that is not revoked yet. */
	void revokeFamily(UUID familyId, Instant at);

	/** Deletes tokens that expired before the instant; returns how many. */
	int deleteExpiredBefore(Instant instant);

}
