package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.ticketing.common.events.orders.v1.OrderCreated;

import static org.assertj.core.api.Assertions.assertThat;

class OrderEventsTests {

	private static final Instant PLACED_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant EVENT_AT = Instant.parse("2030-07-01T19:30:00Z");

	private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID SELLER = UUID.fromString("00000000-0000-0000-0000-0000000000e1");

	private static final UUID TICKET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	@Test
	void orderCreatedCarriesTheTicketAsTheOrderRecordedIt() {
		Order order = placed(new OrderedTicket(TICKET, "Concert", 4_500, "EUR", SELLER, EVENT_AT));

		OrderCreated created = OrderEvents.created(order);

		assertThat(created.ticket()).isEqualTo(new OrderCreated.Ticket(TICKET, 4_500, "EUR", SELLER, EVENT_AT));
		assertThat(created.id()).isEqualTo(order.id());
		assertThat(created.version()).isEqualTo(1);
		assertThat(created.userId()).isEqualTo(BUYER);
		assertThat(created.status()).isEqualTo("created");
		assertThat(created.expiresAt()).isEqualTo(order.expiresAt());
	}

	@Test
	void orderCreatedOfATicketWithoutSellerOrEventTimeCarriesNull() {
		Order order = placed(new OrderedTicket(TICKET, "Concert", 4_500, "EUR", null, null));

		assertThat(OrderEvents.created(order).ticket())
			.isEqualTo(new OrderCreated.Ticket(TICKET, 4_500, "EUR", null, null));
	}

	private static Order placed(OrderedTicket ticket) {
		return Order.place(UUID.randomUUID(), BUYER, ticket, PLACED_AT, PLACED_AT.plusSeconds(900));
	}

}
