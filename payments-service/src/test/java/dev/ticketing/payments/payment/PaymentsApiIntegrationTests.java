package dev.ticketing.payments.payment;

import java.net.http.HttpRequest.BodyPublishers;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.ScrapedMetrics;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route and code of DESIGN's payments table through HTTP, with the simulated
 * provider, the real PostgreSQL and NATS.
 */
class PaymentsApiIntegrationTests extends PaymentsIntegrationTest {

	@Test
	void paysAnOrderAndAnnouncesIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);

		Response response = pay(buyer, order.id(), "pm_card_visa");

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode payment = response.json();
		assertThat(payment.propertyNames()).containsExactlyInAnyOrder("id", "orderId", "amount", "currency", "status",
				"provider", "providerPaymentId", "createdAt");
		assertThat(payment.path("orderId").asString()).isEqualTo(order.id().toString());
		assertThat(payment.path("amount").asLong()).isEqualTo(PRICE);
		assertThat(payment.path("currency").asString()).isEqualTo("EUR");
		assertThat(payment.path("status").asString()).isEqualTo("succeeded");
		assertThat(payment.path("provider").asString()).isEqualTo("simulated");
		assertThat(payment.path("providerPaymentId").asString()).startsWith("sim_");
		assertThat(Instant.parse(payment.path("createdAt").asString())).isBeforeOrEqualTo(Instant.now());
		assertThat(response.header("Location")).hasValue("/api/payments/" + payment.path("id").asString());

		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.succeeded").size() == 1);
		Stored event = paymentEvents(order.id(), "payments.v1.payment.succeeded").getFirst();
		JsonNode data = event.body().path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "orderId", "amount", "currency", "provider",
				"providerPaymentId");
		assertThat(data.path("id").asString()).isEqualTo(payment.path("id").asString());
		assertThat(data.path("amount").asLong()).isEqualTo(PRICE);
		assertThat(data.path("providerPaymentId").asString()).isEqualTo(payment.path("providerPaymentId").asString());
		assertThat(event.messageId()).isEqualTo(event.body().path("id").asString());
	}

	@Test
	void acceptsEverySucceedingTestPaymentMethod() {
		for (String method : List.of("pm_card_visa", "tok_visa")) {
			UUID buyer = UUID.randomUUID();
			PlacedOrder order = placedOrder(buyer);
			assertThat(pay(buyer, order.id(), method).status()).isEqualTo(201);
		}
	}

	@Test
	void aDeclinedCardIs402AndStoresNoPayment() {
		ScrapedMetrics before = ScrapedMetrics.scrape(this.http);
		for (String method : List.of("pm_card_chargeDeclined", "tok_chargeDeclined")) {
			UUID buyer = UUID.randomUUID();
			PlacedOrder order = placedOrder(buyer);

			JsonNode problem = pay(buyer, order.id(), method).assertProblem(402, "payment_declined");

			assertThat(problem.path("detail").asString()).isEqualTo("Your card was declined.");
			assertThat(payments(order.id())).isZero();
			assertThat(unsentEvents()).isZero();
			// The order can still be paid with another card.
			assertThat(pay(buyer, order.id(), "pm_card_visa").status()).isEqualTo(201);
		}
		ScrapedMetrics after = ScrapedMetrics.scrape(this.http);
		assertThat(after.value("ticketing_payments_checkouts_total", "outcome", "declined"))
			.isEqualTo(before.value("ticketing_payments_checkouts_total", "outcome", "declined") + 2);
		assertThat(after.value("ticketing_payments_checkouts_total", "outcome", "succeeded"))
			.isEqualTo(before.value("ticketing_payments_checkouts_total", "outcome", "succeeded") + 2);
	}

	@Test
	void anUnknownPaymentMethodIs400AndChargesNothing() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);

		JsonNode problem = pay(buyer, order.id(), "pm_card_nonsense").assertProblem(400, "validation_failed");

		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("paymentMethod");
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void payingAPaidOrderIs409OrderPaid() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		assertThat(pay(buyer, order.id(), "pm_card_visa").status()).isEqualTo(201);

		pay(buyer, order.id(), "pm_card_visa").assertProblem(409, "order_paid");
		pay(buyer, order.id(), "pm_card_chargeDeclined").assertProblem(409, "order_paid");

		assertThat(payments(order.id())).isEqualTo(1);
	}

	@Test
	void payingAnOrderCompletedElsewhereIs409OrderPaid() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		completed(order, UUID.randomUUID());
		awaitReplicaVersion(order.id(), 2);

		pay(buyer, order.id(), "pm_card_visa").assertProblem(409, "order_paid");
	}

	@Test
	void payingACancelledOrderIs409OrderCancelled() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		cancelled(order, "user");
		awaitReplicaVersion(order.id(), 2);

		pay(buyer, order.id(), "pm_card_visa").assertProblem(409, "order_cancelled");

		assertThat(payments(order.id())).isZero();
	}

	@Test
	void payingPastTheHoldIs409OrderExpiredEvenBeforeOrdersCancelsIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer, Instant.now().minusSeconds(1));
		double before = charges("succeeded");

		pay(buyer, order.id(), "pm_card_visa").assertProblem(409, "order_expired");

		assertThat(payments(order.id())).isZero();
		assertThat(charges("succeeded")).isEqualTo(before);
	}

	@Test
	void anUnknownOrderIs404() {
		pay(UUID.randomUUID(), UUID.randomUUID(), "pm_card_visa").assertProblem(404, "order_not_found");
	}

	@Test
	void someoneElsesOrderIs404AndIsNotCharged() {
		PlacedOrder order = placedOrder(UUID.randomUUID());

		pay(UUID.randomUUID(), order.id(), "pm_card_visa").assertProblem(404, "order_not_found");

		assertThat(payments(order.id())).isZero();
	}

	@Test
	void listsOnlyTheCallersPaymentsNewestFirstAndByOrder() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder first = placedOrder(buyer);
		PlacedOrder second = placedOrder(buyer);
		String firstPayment = pay(buyer, first.id(), "pm_card_visa").json().path("id").asString();
		String secondPayment = pay(buyer, second.id(), "tok_visa").json().path("id").asString();
		UUID other = UUID.randomUUID();
		pay(other, placedOrder(other).id(), "pm_card_visa");

		JsonNode all = this.http.get("/api/payments", bearer(buyer)).json();
		assertThat(all.path("items")).hasSize(2);
		assertThat(all.path("items").get(0).path("id").asString()).isEqualTo(secondPayment);
		assertThat(all.path("items").get(1).path("id").asString()).isEqualTo(firstPayment);
		assertThat(all.path("totalItems").asLong()).isEqualTo(2);
		assertThat(all.path("totalPages").asLong()).isEqualTo(1);

		JsonNode byOrder = this.http.get("/api/payments?orderId=" + first.id(), bearer(buyer)).json();
		assertThat(byOrder.path("items")).hasSize(1);
		assertThat(byOrder.path("items").get(0).path("id").asString()).isEqualTo(firstPayment);

		JsonNode paged = this.http.get("/api/payments?page=1&size=1", bearer(buyer)).json();
		assertThat(paged.path("items")).hasSize(1);
		assertThat(paged.path("items").get(0).path("id").asString()).isEqualTo(firstPayment);
		assertThat(paged.path("totalPages").asLong()).isEqualTo(2);

		JsonNode foreign = this.http.get("/api/payments?orderId=" + first.id(), bearer(other)).json();
		assertThat(foreign.path("items")).isEmpty();
	}

	@Test
	void showsOnePaymentToItsPayerOnly() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String id = pay(buyer, order.id(), "pm_card_visa").json().path("id").asString();

		Response own = this.http.get("/api/payments/" + id, bearer(buyer));
		assertThat(own.status()).isEqualTo(200);
		assertThat(own.json().path("orderId").asString()).isEqualTo(order.id().toString());

		this.http.get("/api/payments/" + id, bearer(UUID.randomUUID())).assertProblem(404, "payment_not_found");
		this.http.get("/api/payments/" + UUID.randomUUID(), bearer(buyer)).assertProblem(404, "payment_not_found");
		this.http.get("/api/payments/not-a-uuid", bearer(buyer)).assertProblem(404, "payment_not_found");
	}

	@Test
	void everyRouteButTheWebhookNeedsASignedInUser() {
		this.http.get("/api/payments").assertProblem(401, "unauthenticated");
		this.http.get("/api/payments/" + UUID.randomUUID()).assertProblem(401, "unauthenticated");
		this.http.postJson("/api/payments", "{}").assertProblem(401, "unauthenticated");
	}

	@Test
	void theStripeWebhookIsAnUnknownRouteWithTheSimulatedProvider() {
		this.http
			.post("/api/payments/webhooks/stripe", BodyPublishers.ofString("{}"), "Content-Type", "application/json",
					"Stripe-Signature", "t=1,v1=00")
			.assertProblem(404, "not_found");
	}

}
