package dev.ticketing.payments.payment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentStatusTests {

	@ParameterizedTest
	@CsvSource({ "SUCCEEDED, succeeded", "REFUNDED, refunded" })
	void aStatusTravelsAsItsLowerCaseName(PaymentStatus status, String value) {
		assertThat(status.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@EnumSource(PaymentStatus.class)
	void everyStatusIsReadBackFromItsValue(PaymentStatus status) {
		assertThat(PaymentStatus.fromValue(status.value())).contains(status);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "SUCCEEDED", "Refunded", " succeeded", "pending", "failed" })
	void anythingElseIsNoStatus(String value) {
		assertThat(PaymentStatus.fromValue(value)).isEmpty();
	}

}
