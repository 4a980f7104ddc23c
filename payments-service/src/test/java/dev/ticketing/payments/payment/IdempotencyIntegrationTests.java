package dev.ticketing.payments.payment;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key}: a retry by the same user with the same key gets the first
 * answer and charges nothing again.
 */
class IdempotencyIntegrationTests extends PaymentsIntegrationTest {

	@Test
	void aRetryReplaysTheFirstPaymentAndChargesOnce() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String key = UUID.randomUUID().toString();
		double before = charges("succeeded");

		Response first = payWithKey(buyer, order.id(), "pm_card_visa", key);
		Response retry = payWithKey(buyer, order.id(), "pm_card_visa", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header("Idempotent-Replayed")).isEmpty();
		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(retry.json()).isEqualTo(first.json());
		assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
		assertThat(charges("succeeded") - before).isEqualTo(1);
		assertThat(payments(order.id())).isEqualTo(1);
	}

	@Test
	void aDeclineIsReplayedWithoutAskingTheProviderAgain() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String key = "retry-" + UUID.randomUUID();
		double before = charges("declined");

		payWithKey(buyer, order.id(), "pm_card_chargeDeclined", key).assertProblem(402, "payment_declined");
		Response retry = payWithKey(buyer, order.id(), "pm_card_chargeDeclined", key);

		retry.assertProblem(402, "payment_declined");
		assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
		assertThat(charges("declined") - before).isEqualTo(1);
		// A new attempt (a new key) with another card pays.
		assertThat(payWithKey(buyer, order.id(), "pm_card_visa", "retry-" + UUID.randomUUID()).status()).isEqualTo(201);
	}

	@Test
	void aKeyUsedForAnotherRequestIs422() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		PlacedOrder other = placedOrder(buyer);
		String key = UUID.randomUUID().toString();
		assertThat(payWithKey(buyer, order.id(), "pm_card_visa", key).status()).isEqualTo(201);

		payWithKey(buyer, other.id(), "pm_card_visa", key).assertProblem(422, "idempotency_key_reused");
		payWithKey(buyer, order.id(), "tok_visa", key).assertProblem(422, "idempotency_key_reused");

		assertThat(payments(other.id())).isZero();
	}

	@Test
	void keysBelongToTheirUser() {
		UUID buyer = UUID.randomUUID();
		UUID other = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		PlacedOrder othersOrder = placedOrder(other);
		String key = "same-key-" + UUID.randomUUID();

		JsonNode mine = payWithKey(buyer, order.id(), "pm_card_visa", key).json();
		Response theirs = payWithKey(other, othersOrder.id(), "pm_card_visa", key);

		assertThat(theirs.status()).as(theirs.body()).isEqualTo(201);
		assertThat(theirs.header("Idempotent-Replayed")).isEmpty();
		assertThat(theirs.json().path("id")).isNotEqualTo(mine.path("id"));
		// Someone else's key never reveals the first user's payment.
		payWithKey(other, order.id(), "pm_card_visa", key).assertProblem(422, "idempotency_key_reused");
	}

	@Test
	void aRefusalIsNotStoredSoTheRetryIsDecidedAfresh() {
		UUID buyer = UUID.randomUUID();
		UUID orderId = UUID.randomUUID();
		String key = UUID.randomUUID().toString();

		// The order has not reached payments' replica yet.
		payWithKey(buyer, orderId, "pm_card_visa", key).assertProblem(404, "order_not_found");
		publish(Event.of(new OrderCreated(orderId, 1, buyer, "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.randomUUID(), PRICE, "EUR", null, null)), Instant.now()));
		awaitReplicaVersion(orderId, 1);
		Response retry = payWithKey(buyer, orderId, "pm_card_visa", key);

		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEmpty();
	}

	@Test
	void aPaymentReplayedAfterARefundStillShowsTheFirstAnswer() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String key = UUID.randomUUID().toString();
		JsonNode first = payWithKey(buyer, order.id(), "pm_card_visa", key).json();
		cancelled(order, "expired");
		org.awaitility.Awaitility.await().atMost(WAIT).until(() -> payments(order.id(), "refunded") == 1);

		Response retry = payWithKey(buyer, order.id(), "pm_card_visa", key);

		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.json()).isEqualTo(first);
	}

}
