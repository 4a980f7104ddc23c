package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PayoutAccountTests {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "acct_1Nv0FGQ9RKHgCVdK, •••••••••••••••••CVdK", "abcd, abcd", "abc, abc", "x12345, ••2345" })
	void showsOnlyTheLastFourCharactersOfTheReference(String reference, String shown) {
		assertThat(new PayoutAccount(UUID.randomUUID(), "stripe", reference, Instant.now()).maskedReference())
			.isEqualTo(shown);
	}

}
