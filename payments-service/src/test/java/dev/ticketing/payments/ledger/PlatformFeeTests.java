package dev.ticketing.payments.ledger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PlatformFeeTests {

	@ParameterizedTest(name = "{1} bps of {0} = {2}")
	@CsvSource({
			// 5 % of 12500 cents is exact.
			"12500, 500, 625",
			// 5 % of 10 = 0.5: half rounds up.
			"10, 500, 1",
			// 5 % of 9 = 0.45: below half rounds down.
			"9, 500, 0",
			// 5 % of 30 = 1.5 → 2; of 29 = 1.45 → 1.
			"30, 500, 2", "29, 500, 1",
			// JPY has no decimals: 5 % of ¥1,010 = ¥50.5 → ¥51, a whole yen.
			"1010, 500, 51",
			// BHD has three: 5 % of 12.345 BHD (12345 fils) = 617.25 fils → 617.
			"12345, 500, 617",
			// 2.5 % of 1 unit is 0.025 → 0; 100 % is the whole amount; 0 bps is nothing.
			"1, 250, 0", "4321, 10000, 4321", "4321, 0, 0", "0, 500, 0" })
	void roundsHalfUpToTheMinorUnit(long amount, int bps, long fee) {
		assertThat(new PlatformFee(bps).of(amount)).isEqualTo(fee);
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 10_001 })
	void refusesARateOutsideNoneToAll(int bps) {
		assertThatIllegalArgumentException().isThrownBy(() -> new PlatformFee(bps));
	}

	@Test
	void refusesAnAmountSoLargeTheFeeWouldOverflow() {
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> new PlatformFee(500).of(Long.MAX_VALUE / 100)))
			.isInstanceOf(ArithmeticException.class);
	}

}
