package dev.ticketing.auth.session;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshTokenTests {

	private static final Instant ISSUED_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant EXPIRES_AT = ISSUED_AT.plus(Duration.ofDays(30));

	private static final Instant LATER = ISSUED_AT.plus(Duration.ofHours(1));

	@Test
	void aFreshTokenIsNeitherRotatedNorRevoked() {
		RefreshToken token = token(null, null);
		assertThat(token.isRotated()).isFalse();
		assertThat(token.isRevoked()).isFalse();
	}

	@Test
	void aTokenWithARotationTimeIsRotatedButNotRevoked() {
		RefreshToken token = token(LATER, null);
		assertThat(token.isRotated()).isTrue();
		assertThat(token.isRevoked()).isFalse();
	}

	@Test
	void aTokenWithARevocationTimeIsRevokedButNotRotated() {
		RefreshToken token = token(null, LATER);
		assertThat(token.isRevoked()).isTrue();
		assertThat(token.isRotated()).isFalse();
	}

	@Test
	void aTokenCanBeBothRotatedAndRevoked() {
		RefreshToken token = token(LATER, LATER.plusSeconds(1));
		assertThat(token.isRotated()).isTrue();
		assertThat(token.isRevoked()).isTrue();
	}

	@Test
	void aTokenIsNotExpiredBeforeItsExpiry() {
		assertThat(token(null, null).isExpiredAt(ISSUED_AT)).isFalse();
		assertThat(token(null, null).isExpiredAt(EXPIRES_AT.minusNanos(1_000))).isFalse();
		assertThat(token(null, null).isExpiredAt(EXPIRES_AT.minusNanos(1))).isFalse();
	}

	@Test
	void aTokenIsExpiredExactlyAtItsExpiryAndAfter() {
		assertThat(token(null, null).isExpiredAt(EXPIRES_AT)).isTrue();
		assertThat(token(null, null).isExpiredAt(EXPIRES_AT.plusNanos(1_000))).isTrue();
		assertThat(token(null, null).isExpiredAt(EXPIRES_AT.plus(Duration.ofDays(1)))).isTrue();
	}

	@Test
	void expiryDoesNotDependOnRotationOrRevocation() {
		assertThat(token(LATER, LATER).isExpiredAt(EXPIRES_AT.minusNanos(1_000))).isFalse();
		assertThat(token(LATER, LATER).isExpiredAt(EXPIRES_AT)).isTrue();
	}

	private static RefreshToken token(Instant rotatedAt, Instant revokedAt) {
		return new RefreshToken(UUID.fromString("00000000-0000-0000-0000-0000000000f1"),
				UUID.fromString("00000000-0000-0000-0000-0000000000f0"),
				UUID.fromString("00000000-0000-0000-0000-0000000000b1"), new byte[32], ISSUED_AT, EXPIRES_AT, rotatedAt,
				revokedAt);
	}

}
