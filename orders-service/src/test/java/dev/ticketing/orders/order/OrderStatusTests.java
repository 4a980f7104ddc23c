package dev.ticketing.orders.order;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class OrderStatusTests {

	@ParameterizedTest(name = "{0} -> {1}: {2}")
	@CsvSource({ "CREATED, CREATED, false", "CREATED, CANCELLED, true", "CREATED, COMPLETE, true",
			"CANCELLED, CREATED, false", "CANCELLED, CANCELLED, false", "CANCELLED, COMPLETE, false",
			"COMPLETE, CREATED, false", "COMPLETE, CANCELLED, false", "COMPLETE, COMPLETE, false" })
	void onlyACreatedOrderMovesOnAndOnlyToCancelledOrComplete(OrderStatus from, OrderStatus to, boolean allowed) {
		assertThat(from.canBecome(to)).isEqualTo(allowed);
	}

	@ParameterizedTest
	@CsvSource({ "CREATED, created", "CANCELLED, cancelled", "COMPLETE, complete" })
	void aStatusTravelsAsItsLowerCaseName(OrderStatus status, String value) {
		assertThat(status.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@EnumSource(OrderStatus.class)
	void everyStatusIsReadBackFromItsValue(OrderStatus status) {
		assertThat(OrderStatus.fromValue(status.value())).contains(status);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "CREATED", "Created", " created", "created ", "paid", "canceled" })
	void anythingElseIsNoStatus(String value) {
		assertThat(OrderStatus.fromValue(value)).isEmpty();
	}

}
