package dev.ticketing.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import dev.ticketing.common.jwt.JwtVerifier;
import dev.ticketing.common.jwt.TokenClaims;
import dev.ticketing.common.jwt.VerifiedToken;
import dev.ticketing.common.security.Roles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestTokensTests {

	private final JwtVerifier verifier = new JwtVerifier(
			(keyId) -> Optional.of(TestTokens.KEYS.pair().getPublic())
				.filter((key) -> TestTokens.KEYS.keyId().equals(keyId)),
			JwtVerifier.MAX_CLOCK_SKEW_SECONDS, Clock.systemUTC());

	@Test
	void signsATokenWithoutARolesClaimWhenNoRolesAreGiven() {
		UUID userId = UUID.randomUUID();

		String token = TestTokens.accessToken(userId);

		VerifiedToken verified = this.verifier.verify(token);
		assertThat(verified.userId()).isEqualTo(userId);
		assertThat(verified.roles()).isEmpty();
		assertThat(unverifiedClaims(token)).doesNotContain("\"" + TokenClaims.ROLES + "\"");
	}

	@Test
	void signsTheRolesGivenIntoTheRolesClaim() {
		String token = TestTokens.accessToken(UUID.randomUUID(), Roles.DOOR, Roles.SUPPORT);

		assertThat(this.verifier.verify(token).roles()).containsExactlyInAnyOrder("door", "support");
	}

	@Test
	void makesABearerHeaderValueOfTheToken() {
		String bearer = TestTokens.bearer(UUID.randomUUID(), Roles.DOOR);

		assertThat(bearer).startsWith("Bearer ");
		assertThat(this.verifier.verify(bearer.substring("Bearer ".length())).roles()).containsExactly("door");
	}

	private static String unverifiedClaims(String token) {
		return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
	}

}
