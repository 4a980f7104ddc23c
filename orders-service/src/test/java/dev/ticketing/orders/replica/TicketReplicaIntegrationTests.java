package dev.ticketing.orders.replica;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.tickets.v1.TicketUpdated;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ticket replica applies {@code tickets.v1.>} by version: an older event after a
 * newer one, or a duplicate, changes nothing.
 */
class TicketReplicaIntegrationTests extends OrdersIntegrationTest {

	@Autowired
	TicketReplicas replicas;

	@Test
	void anOlderVersionAfterANewerOneIsIgnored() {
		UUID seller = UUID.randomUUID();
		UUID ticket = listedTicket(seller);
		Event<TicketUpdated> v3 = updated(ticket, seller, 3, "withdrawn", 9_900);
		Event<TicketUpdated> v2 = updated(ticket, seller, 2, "available", 5_000);

		publish(v3);
		await().atMost(WAIT).until(() -> processed(v3));
		publish(v2);
		await().atMost(WAIT).until(() -> processed(v2));

		TicketReplica replica = this.replicas.find(ticket).orElseThrow();
		assertThat(replica.version()).isEqualTo(3);
		assertThat(replica.status()).isEqualTo("withdrawn");
		assertThat(replica.price()).isEqualTo(9_900);
		placeOrder(UUID.randomUUID(), ticket).assertProblem(409, "ticket_unavailable");
	}

	@Test
	void aDuplicateChangesNothing() {
		UUID seller = UUID.randomUUID();
		UUID ticket = listedTicket(seller);
		Event<TicketUpdated> v2 = updated(ticket, seller, 2, "available", 7_000);
		Event<TicketUpdated> sameVersionOtherContent = updated(ticket, seller, 2, "withdrawn", 1);

		publish(v2);
		publish(v2, "again-" + v2.id());
		publish(sameVersionOtherContent);
		await().atMost(WAIT).until(() -> processed(v2) && processed(sameVersionOtherContent));

		TicketReplica replica = this.replicas.find(ticket).orElseThrow();
		assertThat(replica.version()).isEqualTo(2);
		assertThat(replica.status()).isEqualTo("available");
		assertThat(replica.price()).isEqualTo(7_000);
	}

	@Test
	void ordersUseThePriceAndTitleOfTheNewestVersion() {
		UUID seller = UUID.randomUUID();
		UUID ticket = listedTicket(seller);
		Event<TicketUpdated> repriced = updated(ticket, seller, 2, "available", 4_200);
		publish(repriced);
		await().atMost(WAIT).until(() -> replicaVersion(ticket) == 2);

		assertThat(placedOrder(UUID.randomUUID(), ticket).path("ticket").path("price").asLong()).isEqualTo(4_200);
	}

	private static Event<TicketUpdated> updated(UUID id, UUID seller, long version, String status, long price) {
		return Event.of(new TicketUpdated(id, version, "Arctic Monkeys, floor", price, price, "EUR", seller, null, null,
				status, null), Instant.now());
	}

}
