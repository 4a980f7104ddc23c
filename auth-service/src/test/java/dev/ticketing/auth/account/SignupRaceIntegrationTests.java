package dev.ticketing.auth.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ticketing.auth.AuthIntegrationTest;
import org.junit.jupiter.api.RepeatedTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Simultaneous sign-ups with one email (in different letter cases): the database's unique
 * index lets exactly one through.
 */
class SignupRaceIntegrationTests extends AuthIntegrationTest {

	static final int CONTENDERS = 16;

	@RepeatedTest(5)
	void exactlyOneOfManySimultaneousSignupsWithOneEmailSucceeds() throws Exception {
		String email = "race-" + UUID.randomUUID() + "@example.com";
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Integer>> results = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(CONTENDERS)) {
			for (int i = 0; i < CONTENDERS; i++) {
				String variant = (i % 2 == 0) ? email : email.toUpperCase(Locale.ROOT);
				results.add(pool.submit(() -> {
					start.await();
					return signup(variant, "password1").status();
				}));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> result : results) {
				statuses.add(result.get());
			}
			assertThat(statuses).containsOnlyOnce(201);
			assertThat(statuses).filteredOn((status) -> status != 201).hasSize(CONTENDERS - 1).containsOnly(409);
		}
		assertThat(usersWithEmail(email)).isEqualTo(1);
	}

}
