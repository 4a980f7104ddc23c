package dev.ticketing.tickets.ticket;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketRequestTests {

	private static final Instant EVENT_AT = Instant.parse("2030-09-01T19:30:00Z");

	@Test
	void theListingCarriesWhatTheSellerSaid() {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, "EUR", "Front row", "Arena", EVENT_AT, 3L);
		assertThat(request.listing()).isEqualTo(new Listing("Concert", 4_500, "EUR", "Front row", "Arena", EVENT_AT));
	}

	@Test
	void theCurrencyIsUsDollarsWhenAbsent() {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, null, null, null, null, null);
		assertThat(request.listing().currency()).isEqualTo("USD");
	}

	@Test
	void anAbsentEventTimeStaysAbsent() {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, "EUR", null, null, null, null);
		assertThat(request.listing().eventAt()).isNull();
	}

	@Test
	void theTitleIsStrippedButKeepsItsInnerSpaces() {
		TicketRequest request = new TicketRequest(" \t Concert  night\u2003\n", 4_500L, null, null, null, null, null,
				null);
		assertThat(request.listing().title()).isEqualTo("Concert  night");
	}

	@Test
	void theDescriptionAndVenueAreStrippedButKeepTheirInnerSpaces() {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, null, "  Front  row \n", "\tArena  North ",
				null, null);
		assertThat(request.listing().description()).isEqualTo("Front  row");
		assertThat(request.listing().venue()).isEqualTo("Arena  North");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", " \t\n ", "\u2003" })
	void aBlankOrAbsentDescriptionIsAbsent(String description) {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, null, description, "Arena", null, null);
		assertThat(request.listing().description()).isNull();
		assertThat(request.listing().venue()).isEqualTo("Arena");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", " ", " \t\n ", "\u2003" })
	void aBlankOrAbsentVenueIsAbsent(String venue) {
		TicketRequest request = new TicketRequest("Concert", 4_500L, null, null, "Front row", venue, null, null);
		assertThat(request.listing().venue()).isNull();
		assertThat(request.listing().description()).isEqualTo("Front row");
	}

}
