package dev.ticketing.orders.order;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.RepeatedTest;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * DESIGN §6: N simultaneous orders for one ticket → exactly one 201, the rest 409, and
 * one row; decided by the database's partial unique index, not by a prior read.
 */
class OrderRaceIntegrationTests extends OrdersIntegrationTest {

	private static final int BUYERS = 50;

	@RepeatedTest(10)
	void fiftyBuyersAtOnceGetExactlyOneOrder() throws Exception {
		UUID ticket = listedTicket(UUID.randomUUID());
		CountDownLatch start = new CountDownLatch(1);
		List<Integer> statuses = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		try (ExecutorService buyers = Executors.newFixedThreadPool(BUYERS)) {
			List<Future<Response>> responses = new ArrayList<>();
			for (int i = 0; i < BUYERS; i++) {
				UUID buyer = UUID.randomUUID();
				responses.add(buyers.submit(() -> {
					start.await();
					return placeOrder(buyer, ticket);
				}));
			}
			start.countDown();
			for (Future<Response> response : responses) {
				Response answer = response.get();
				statuses.add(answer.status());
				if (answer.status() == 409) {
					codes.add(answer.assertProblem(409, "ticket_unavailable").path("code").asString());
				}
			}
		}

		assertThat(statuses).filteredOn((status) -> status == 201).hasSize(1);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(BUYERS - 1);
		assertThat(codes).hasSize(BUYERS - 1);
		assertThat(ordersFor(ticket)).isEqualTo(1);
	}

}
