package dev.ticketing.payments.stripe;

import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ticketing.payments.stripe.StripeStub.createPaymentIntent;
import static dev.ticketing.payments.stripe.StripeStub.fixture;
import static dev.ticketing.payments.stripe.StripeStub.formParam;
import static dev.ticketing.payments.stripe.StripeStub.json;
import static dev.ticketing.payments.stripe.StripeStub.ok;
import static dev.ticketing.payments.stripe.StripeStub.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/payments} and the late-payment saga with the Stripe provider: what
 * reaches Stripe (WireMock) and what the API, the database and {@code PAYMENTS} show.
 */
class StripePaymentsIntegrationTests extends StripeIntegrationTest {

	@Test
	void paysThroughAConfirmedPaymentIntentAndAnnouncesIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = chargeSucceeds(order);

		Response response = pay(buyer, order.id(), "pm_card_visa");

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode payment = response.json();
		assertThat(payment.path("provider").asString()).isEqualTo("stripe");
		assertThat(payment.path("providerPaymentId").asString()).isEqualTo(intent);
		assertThat(payment.path("amount").asLong()).isEqualTo(PRICE);
		assertThat(payment.path("currency").asString()).isEqualTo("EUR");
		assertThat(payment.path("status").asString()).isEqualTo("succeeded");

		List<LoggedRequest> requests = STRIPE.chargeRequests(order.id());
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.getFirst();
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
		assertThat(request.getHeader("Idempotency-Key")).matches("payment-[0-9a-f-]{36}");
		assertThat(formParam(request, "amount")).isEqualTo(Long.toString(PRICE));
		assertThat(formParam(request, "currency")).isEqualTo("eur");
		assertThat(formParam(request, "confirm")).isEqualTo("true");
		assertThat(formParam(request, "payment_method")).isEqualTo("pm_card_visa");
		assertThat(formParam(request, "automatic_payment_methods[allow_redirects]")).isEqualTo("never");
		assertThat(formParam(request, "metadata[orderId]")).isEqualTo(order.id().toString());
		assertThat(formParam(request, "metadata[userId]")).isEqualTo(buyer.toString());

		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.succeeded").size() == 1);
		Stored event = paymentEvents(order.id(), "payments.v1.payment.succeeded").getFirst();
		assertThat(event.body().path("data").path("provider").asString()).isEqualTo("stripe");
		assertThat(event.body().path("data").path("providerPaymentId").asString()).isEqualTo(intent);
		assertThat(event.body().path("data").path("id").asString()).isEqualTo(payment.path("id").asString());
	}

	@Test
	void theSameIdempotencyKeyIsAnsweredFromTheFirstResultWithoutAskingStripeAgain() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		chargeSucceeds(order);
		String key = UUID.randomUUID().toString();

		Response first = payWithKey(buyer, order.id(), "pm_card_visa", key);
		Response second = payWithKey(buyer, order.id(), "pm_card_visa", key);

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(second.status()).as(second.body()).isEqualTo(201);
		assertThat(second.header("Idempotent-Replayed")).hasValue("true");
		assertThat(second.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
		assertThat(STRIPE.chargeRequests(order.id())).hasSize(1);
		assertThat(payments(order.id())).isEqualTo(1);
	}

	@Test
	void aRetryAfterAStripeOutageReachesStripeWithTheSameIdempotencyKey() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = StripeStub.newId("pi");
		String scenario = "outage-" + order.id();
		STRIPE.stub(createPaymentIntent(order.id()).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(StripeStub.serverError())
			.willSetStateTo("recovered"));
		STRIPE.stub(createPaymentIntent(order.id()).inScenario(scenario)
			.whenScenarioStateIs("recovered")
			.willReturn(ok(paymentIntent("payment_intent_succeeded", intent, order.id(), buyer, PRICE, "eur"))));
		String key = UUID.randomUUID().toString();
		double failed = charges("failed");

		payWithKey(buyer, order.id(), "pm_card_visa", key).assertProblem(503, "payment_provider_unavailable");

		assertThat(payments(order.id())).isZero();
		assertThat(charges("failed")).isEqualTo(failed + 1);

		Response retry = payWithKey(buyer, order.id(), "pm_card_visa", key);

		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.header("Idempotent-Replayed")).isEmpty();
		assertThat(retry.json().path("providerPaymentId").asString()).isEqualTo(intent);
		List<LoggedRequest> requests = STRIPE.chargeRequests(order.id());
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).getHeader("Idempotency-Key")).isNotBlank()
			.isEqualTo(requests.get(1).getHeader("Idempotency-Key"));
		assertThat(payments(order.id(), "succeeded")).isEqualTo(1);
	}

	@Test
	void requestsWithoutAnIdempotencyKeyAreDifferentAttemptsAtStripe() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		STRIPE.stub(createPaymentIntent(order.id()).willReturn(StripeStub.serverError()));

		pay(buyer, order.id(), "pm_card_visa").assertProblem(503, "payment_provider_unavailable");
		pay(buyer, order.id(), "pm_card_visa").assertProblem(503, "payment_provider_unavailable");

		List<LoggedRequest> requests = STRIPE.chargeRequests(order.id());
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).getHeader("Idempotency-Key"))
			.isNotEqualTo(requests.get(1).getHeader("Idempotency-Key"));
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void aDeclinedCardIs402WithStripesMessageAndStoresNoPayment() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		STRIPE.stub(createPaymentIntent(order.id()).withFormParam("payment_method", equalTo("pm_card_chargeDeclined"))
			.willReturn(json(402, fixture("error_card_declined"))));
		String intent = StripeStub.newId("pi");
		STRIPE.stub(createPaymentIntent(order.id()).withFormParam("payment_method", equalTo("pm_card_visa"))
			.willReturn(ok(paymentIntent("payment_intent_succeeded", intent, order.id(), buyer, PRICE, "eur"))));

		JsonNode problem = pay(buyer, order.id(), "pm_card_chargeDeclined").assertProblem(402, "payment_declined");

		assertThat(problem.path("detail").asString()).isEqualTo("Your card was declined.");
		assertThat(payments(order.id())).isZero();
		// Another card pays the order.
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		assertThat(paid.json().path("providerPaymentId").asString()).isEqualTo(intent);
	}

	@Test
	void anUnknownPaymentMethodIs400NamingIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		STRIPE.stub(createPaymentIntent(order.id())
			.willReturn(json(400, fixture("error_resource_missing_payment_method"))));

		JsonNode problem = pay(buyer, order.id(), "pm_card_nonsense").assertProblem(400, "validation_failed");

		assertThat(problem.path("errors")).hasSize(1);
		assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("paymentMethod");
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void aCardThatNeedsAuthenticationIsDeclinedAndItsPaymentIntentCancelled() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = StripeStub.newId("pi");
		STRIPE.stub(createPaymentIntent(order.id())
			.willReturn(ok(paymentIntent("payment_intent_requires_action", intent, order.id(), buyer, PRICE, "eur"))));
		ObjectNode cancelled = paymentIntent("payment_intent_requires_action", intent, order.id(), buyer, PRICE, "eur");
		cancelled.put("status", "canceled");
		STRIPE.stub(post(urlPathEqualTo("/v1/payment_intents/" + intent + "/cancel")).willReturn(ok(cancelled)));

		JsonNode problem = pay(buyer, order.id(), "pm_card_authenticationRequired").assertProblem(402,
				"payment_declined");

		assertThat(problem.path("detail").asString())
			.isEqualTo("This payment method needs authentication, which is not supported.");
		assertThat(STRIPE.cancelRequests(intent)).hasSize(1);
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void aRefusedApiKeyIs503AndStoresNoPayment() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		STRIPE.stub(createPaymentIntent(order.id()).willReturn(json(401, fixture("error_invalid_api_key"))));

		pay(buyer, order.id(), "pm_card_visa").assertProblem(503, "payment_provider_unavailable");

		assertThat(payments(order.id())).isZero();
	}

	@Test
	void refundsThePaymentOfAnOrderCancelledAfterwardsOnceAtStripe() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = chargeSucceeds(order);
		STRIPE.refundSucceeds(intent, PRICE, "eur");
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);

		cancelled(order, "expired");

		await().atMost(WAIT).until(() -> payments(order.id(), "refunded") == 1);
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.refunded").size() == 1);
		List<LoggedRequest> refunds = STRIPE.refundRequests(intent);
		assertThat(refunds).hasSize(1);
		assertThat(refunds.getFirst().getHeader("Idempotency-Key")).isEqualTo("refund-" + intent);
		Stored refunded = paymentEvents(order.id(), "payments.v1.payment.refunded").getFirst();
		assertThat(refunded.body().path("data").path("id").asString()).isEqualTo(paid.json().path("id").asString());
		assertThat(refunded.body().path("data").path("reason").asString()).isEqualTo("order_cancelled");
		JsonNode shown = this.http.get("/api/payments/" + paid.json().path("id").asString(), bearer(buyer)).json();
		assertThat(shown.path("status").asString()).isEqualTo("refunded");
	}

}
