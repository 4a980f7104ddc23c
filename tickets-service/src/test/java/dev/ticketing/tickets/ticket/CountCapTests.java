package dev.ticketing.tickets.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CountCapTests {

	@ParameterizedTest
	@ValueSource(ints = { 1, 1000, CountCap.MAX_LISTINGS })
	void aCapCountsFromOneListingToAHundredThousand(int listings) {
		assertThat(new CountCap(listings).listings()).isEqualTo(listings);
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, CountCap.MAX_LISTINGS + 1, Integer.MIN_VALUE })
	void aCapOutsideThatIsRefused(int listings) {
		assertThatIllegalArgumentException().isThrownBy(() -> new CountCap(listings))
			.withMessage("The count cap must be between 1 and 100000 listings");
	}

}
