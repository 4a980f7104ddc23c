package dev.ticketing.orders.replica;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TicketReplicaTests {

	private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	@Test
	void anAvailableTicketCanBeOrdered() {
		assertThat(replica("available", null).isAvailable()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "reserved", "sold" })
	void aTicketHeldByAnOrderCannotBeOrdered(String status) {
		assertThat(replica(status, ORDER).isAvailable()).isFalse();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "withdrawn", "AVAILABLE", "Available", " available", "" })
	void aTicketInAnyOtherStatusCannotBeOrdered(String status) {
		assertThat(replica(status, null).isAvailable()).isFalse();
	}

	private static TicketReplica replica(String status, UUID order) {
		return new TicketReplica(TICKET, 3, "Concert", 4_500, "EUR", SELLER, null, status, order);
	}

}
