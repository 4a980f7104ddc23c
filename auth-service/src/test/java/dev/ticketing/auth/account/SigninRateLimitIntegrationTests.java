package dev.ticketing.auth.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import dev.ticketing.auth.AuthIntegrationTest;
import dev.ticketing.common.testing.MutableClock;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sign-in limits per client address and per account. Client addresses come from
 * X-Forwarded-For, which the service trusts from loopback proxies (as behind the
 * ingress). The service's clock stands still unless a test moves it, so the buckets
 * refill only when a test says, however long each (deliberately slow) sign-in takes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "ticketing.auth.signin-limits.per-address=8/20s",
				"ticketing.auth.signin-limits.per-account-and-address=3/6s",
				"ticketing.auth.signin-limits.per-account=6/6s" })
@Import(SigninRateLimitIntegrationTests.StandingClock.class)
class SigninRateLimitIntegrationTests extends AuthIntegrationTest {

	private static final MutableClock CLOCK = new MutableClock(Instant.now());

	String email;

	@BeforeEach
	void setUp() {
		this.email = uniqueEmail();
		assertThat(signup(this.email, "correct horse").status()).isEqualTo(201);
	}

	@Test
	void repeatedFailuresFromOneAddressAre429WithRetryAfter() {
		String attacker = randomAddress();
		for (int i = 0; i < 3; i++) {
			assertProblem(signin(this.email, "wrong horse", attacker), 401, "invalid_credentials");
		}

		Response limited = signin(this.email, "correct horse", attacker);

		assertProblem(limited, 429, "too_many_attempts");
		// 3 attempts per 6 seconds, refilled one by one: the next one in 2 seconds.
		assertThat(limited.header("Retry-After")).hasValue("2");
		assertThat(limited.setCookies()).isEmpty();
	}

	@Test
	void anAttackerCannotLockTheRealUserOut() {
		String attacker = randomAddress();
		for (int i = 0; i < 4; i++) {
			signin(this.email, "wrong horse", attacker);
		}
		assertThat(signin(this.email, "correct horse", attacker).status()).isEqualTo(429);

		// The owner, elsewhere, is not affected.
		assertThat(signin(this.email, "correct horse", randomAddress()).status()).isEqualTo(200);
	}

	@Test
	void theLimitLiftsByItselfOnceFailuresStop() {
		String address = randomAddress();
		for (int i = 0; i < 3; i++) {
			signin(this.email, "wrong horse", address);
		}
		assertThat(signin(this.email, "correct horse", address).status()).isEqualTo(429);

		CLOCK.advance(Duration.ofSeconds(1));
		assertThat(signin(this.email, "correct horse", address).status()).as("after a second").isEqualTo(429);
		// One attempt's worth of the 3/6s bucket is back after 2 seconds.
		CLOCK.advance(Duration.ofSeconds(1));
		assertThat(signin(this.email, "correct horse", address).status()).as("after two seconds").isEqualTo(200);
	}

	@Test
	void aSuccessfulSigninForgivesEarlierTypos() {
		String address = randomAddress();
		signin(this.email, "wrong horse", address);
		signin(this.email, "wrong horse", address);
		assertThat(signin(this.email, "correct horse", address).status()).isEqualTo(200);

		for (int i = 0; i < 2; i++) {
			assertThat(signin(this.email, "wrong horse", address).status()).isEqualTo(401);
		}
	}

	@Test
	void oneAddressTryingManyAccountsIsLimited() {
		String sprayer = randomAddress();
		for (int i = 0; i < 8; i++) {
			assertThat(signin("nobody-" + UUID.randomUUID() + "@example.com", "password1", sprayer).status())
				.isEqualTo(401);
		}
		assertProblem(signin("nobody-" + UUID.randomUUID() + "@example.com", "password1", sprayer), 429,
				"too_many_attempts");
		// Other clients are unaffected.
		assertThat(signin(this.email, "correct horse", randomAddress()).status()).isEqualTo(200);
	}

	@Test
	void failuresFromManyAddressesTripTheAccountWideLimit() {
		for (int i = 0; i < 6; i++) {
			assertThat(signin(this.email, "wrong horse", randomAddress()).status()).isEqualTo(401);
		}
		assertProblem(signin(this.email, "correct horse", randomAddress()), 429, "too_many_attempts");
	}

	/** The service's clock, standing still unless a test moves it. */
	@TestConfiguration(proxyBeanMethods = false)
	static class StandingClock {

		@Bean
		Clock clock() {
			return CLOCK;
		}

	}

	Response signin(String email, String password, String address) {
		return this.http.postJson("/api/users/signin", TestHttp.json(Map.of("email", email, "password", password)),
				"X-Forwarded-For", address);
	}

	static String randomAddress() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		return "203.0." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
