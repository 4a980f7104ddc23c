package dev.ticketing.tickets.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class BeforeYear10000Tests {

	private final BeforeYear10000.Validator validator = new BeforeYear10000.Validator();

	@Test
	void anAbsentInstantIsValid() {
		assertThat(this.validator.isValid(null, null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1970-01-01T00:00:00Z", "2030-09-01T19:30:00Z", "9999-12-31T23:59:59.999999Z",
			"9999-12-31T23:59:59.999999999Z" })
	void anInstantBeforeTheYear10000IsValid(String instant) {
		assertThat(this.validator.isValid(Instant.parse(instant), null)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "+10000-01-01T00:00:00Z", "+10000-01-01T00:00:00.000001Z", "+99999-06-01T00:00:00Z" })
	void anInstantInOrAfterTheYear10000IsInvalid(String instant) {
		assertThat(this.validator.isValid(Instant.parse(instant), null)).isFalse();
	}

	@Test
	void theLatestInstantThereIsIsInvalid() {
		assertThat(this.validator.isValid(Instant.MAX, null)).isFalse();
	}

}
