package dev.ticketing.orders.order;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CancelReasonTests {

	@ParameterizedTest
	@CsvSource({ "USER, user", "EXPIRED, expired" })
	void aReasonTravelsAsItsLowerCaseName(CancelReason reason, String value) {
		assertThat(reason.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@EnumSource(CancelReason.class)
	void everyReasonIsReadBackFromItsValue(CancelReason reason) {
		assertThat(CancelReason.fromValue(reason.value())).contains(reason);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "USER", "Expired", " user", "buyer", "timeout" })
	void anythingElseIsNoReason(String value) {
		assertThat(CancelReason.fromValue(value)).isEmpty();
	}

}
