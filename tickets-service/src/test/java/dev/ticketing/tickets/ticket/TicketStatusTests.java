package dev.ticketing.tickets.ticket;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketStatusTests {

	@ParameterizedTest
	@CsvSource({ "AVAILABLE, available", "RESERVED, reserved", "SOLD, sold", "WITHDRAWN, withdrawn" })
	void aStatusTravelsAsItsLowerCaseName(TicketStatus status, String value) {
		assertThat(status.value()).isEqualTo(value);
	}

	@ParameterizedTest
	@EnumSource(TicketStatus.class)
	void everyStatusIsReadBackFromItsValue(TicketStatus status) {
		assertThat(TicketStatus.fromValue(status.value())).contains(status);
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "all", "AVAILABLE", "Sold", " reserved", "withdrawn ", "listed" })
	void anythingElseIsNoStatus(String value) {
		assertThat(TicketStatus.fromValue(value)).isEmpty();
	}

}
