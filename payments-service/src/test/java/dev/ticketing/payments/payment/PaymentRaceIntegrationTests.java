package dev.ticketing.payments.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import org.junit.jupiter.api.RepeatedTest;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §6 for payments: many simultaneous payments of one order charge it once and
 * store one succeeded payment. Each round releases 20 requests at once with a latch.
 */
class PaymentRaceIntegrationTests extends PaymentsIntegrationTest {

	private static final int REQUESTS = 20;

	@RepeatedTest(3)
	void twentySimultaneousPaymentsWithoutAKeyChargeOnce() throws Exception {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		double before = charges("succeeded");

		List<Response> responses = race((i) -> pay(buyer, order.id(), "pm_card_visa"));

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() != 201).allSatisfy((response) -> {
			assertThat(response.status()).as(response.body()).isEqualTo(409);
			assertThat(response.json().path("code").asString()).isEqualTo("order_paid");
		});
		assertOneChargeAndOnePayment(order, before);
	}

	@RepeatedTest(3)
	void twentySimultaneousPaymentsWithTheSameKeyChargeOnceAndAllGetThePayment() throws Exception {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String key = UUID.randomUUID().toString();
		double before = charges("succeeded");

		List<Response> responses = race((i) -> payWithKey(buyer, order.id(), "pm_card_visa", key));

		assertThat(responses)
			.allSatisfy((response) -> assertThat(response.status()).as(response.body()).isEqualTo(201));
		assertThat(responses.stream().map((response) -> response.json().path("id").asString()).distinct()).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.header("Idempotent-Replayed").isEmpty()).hasSize(1);
		assertOneChargeAndOnePayment(order, before);
	}

	@RepeatedTest(3)
	void twentySimultaneousPaymentsWithDifferentKeysChargeOnce() throws Exception {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		double before = charges("succeeded");

		List<Response> responses = race(
				(i) -> payWithKey(buyer, order.id(), "pm_card_visa", "attempt-" + i + "-" + order.id()));

		assertThat(responses).filteredOn((response) -> response.status() == 201).hasSize(1);
		assertThat(responses).filteredOn((response) -> response.status() != 201)
			.allSatisfy((response) -> assertThat(response.json().path("code").asString()).isEqualTo("order_paid"));
		assertOneChargeAndOnePayment(order, before);
	}

	private void assertOneChargeAndOnePayment(PlacedOrder order, double chargesBefore) {
		assertThat(charges("succeeded") - chargesBefore).isEqualTo(1);
		assertThat(payments(order.id(), "succeeded")).isEqualTo(1);
		assertThat(payments(order.id())).isEqualTo(1);
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.succeeded")).hasSize(1);
	}

	private static List<Response> race(IntFunction<Response> request) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
			List<Future<Response>> futures = new ArrayList<>();
			for (int i = 0; i < REQUESTS; i++) {
				int n = i;
				futures.add(pool.submit(() -> {
					start.await();
					return request.apply(n);
				}));
			}
			start.countDown();
			List<Response> responses = new ArrayList<>();
			for (Future<Response> future : futures) {
				responses.add(future.get());
			}
			return responses;
		}
	}

}
