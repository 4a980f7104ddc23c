package dev.ticketing.common.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageQueryTests {

	@Test
	void theFirstPageIsPageZeroOfTwentyItems() {
		assertThat(PageQuery.first()).isEqualTo(new PageQuery(0, 20));
		assertThat(PageQuery.first().size()).isEqualTo(PageQuery.DEFAULT_SIZE);
		assertThat(PageQuery.first().offset()).isZero();
	}

	@Test
	void pagesHoldAtMostOneHundredItems() {
		assertThat(PageQuery.MAX_SIZE).isEqualTo(100);
	}

	@ParameterizedTest
	@CsvSource({ "0, 1, 0", "0, 100, 0", "1, 20, 20", "3, 20, 60", "5, 1, 5", "2, 100, 200",
			"2147483647, 100, 214748364700" })
	void theOffsetIsWhatThePagesBeforeHold(int page, int size, long offset) {
		assertThat(new PageQuery(page, size).offset()).isEqualTo(offset);
	}

	@ParameterizedTest
	@CsvSource({ "0, 20, 1000, 1000", "49, 20, 1000, 1000", "50, 20, 1000, 1020", "51, 20, 1000, 1040",
			"0, 100, 3, 100", "2, 2, 3, 6", "0, 1, 1, 1", "2147483647, 100, 1000, 214748364800" })
	void aBoundedCountCoversTheCapOrUpToTheEndOfThePage(int page, int size, long cap, long bound) {
		assertThat(new PageQuery(page, size).countBound(cap)).isEqualTo(bound);
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -1, Long.MIN_VALUE })
	void aCountCapMustBePositive(long cap) {
		assertThatThrownBy(() -> PageQuery.first().countBound(cap)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("count cap " + cap + " is not positive");
	}

	@ParameterizedTest
	@CsvSource({ "-1, 20", "-2147483648, 20", "0, 0", "0, -1", "0, 101", "0, 2147483647", "-1, 0" })
	void aPageOutOfRangeIsRefused(int page, int size) {
		assertThatThrownBy(() -> new PageQuery(page, size)).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("page " + page + " of size " + size + " is out of range");
	}

}
