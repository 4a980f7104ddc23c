package dev.ticketing.payments.stripe;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.stripe.Stripe;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.testing.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.ticketing.payments.stripe.StripeStub.createRefund;
import static dev.ticketing.payments.stripe.StripeStub.event;
import static dev.ticketing.payments.stripe.StripeStub.ok;
import static dev.ticketing.payments.stripe.StripeStub.paymentIntent;
import static dev.ticketing.payments.stripe.StripeStub.signature;
import static dev.ticketing.payments.stripe.StripeStub.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /api/payments/webhooks/stripe}: events signed exactly as Stripe signs them
 * (HMAC-SHA256 of {@code "<t>.<payload>"} under the endpoint's secret, computed here, not
 * by stripe-java), refused unless the signature verifies and is recent, each applied
 * once.
 */
class StripeWebhooksIntegrationTests extends StripeIntegrationTest {

	private static final String SUCCEEDED = "payment_intent.succeeded";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** A {@code payment_intent.succeeded} event for a PaymentIntent of an order. */
	private static String succeeded(PlacedOrder order, String intent) {
		return text(event(SUCCEEDED,
				paymentIntent("payment_intent_succeeded", intent, order.id(), order.buyer(), PRICE, "eur")));
	}

	private static long now() {
		return System.currentTimeMillis() / 1000;
	}

	private static String eventId(String event) {
		return JSON.readTree(event).path("id").asString();
	}

	@Test
	void refusesAPayloadSignedWithAnotherSecret() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));

		webhook(payload, signature(payload, now(), "whsec_someoneElsesSecret0000000000000")).assertProblem(400,
				"invalid_signature");

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void refusesAPayloadChangedAfterSigning() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));
		String signed = signature(payload);
		String tampered = payload.replace("\"amount\":12500", "\"amount\":1");
		assertThat(tampered).isNotEqualTo(payload);

		webhook(tampered, signed).assertProblem(400, "invalid_signature");

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void refusesAPayloadWithoutSignature() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));

		webhook(payload, null).assertProblem(400, "invalid_signature");
		webhook(payload, "").assertProblem(400, "invalid_signature");

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void refusesMalformedSignatureHeaders() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));
		String valid = signature(payload);
		String hmac = valid.substring(valid.indexOf("v1=") + 3);

		for (String header : List.of("garbage", "t=abc,v1=" + hmac, "t=" + now() + ",v1", "v1=" + hmac, "t=" + now(),
				"t=" + now() + ",v0=" + hmac)) {
			webhook(payload, header).assertProblem(400, "invalid_signature");
		}

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void refusesAReplayOlderThanTheTolerance() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));
		long sixMinutesAgo = now() - Duration.ofMinutes(6).toSeconds();

		webhook(payload, signature(payload, sixMinutesAgo, StripeStub.WEBHOOK_SECRET)).assertProblem(400,
				"invalid_signature");

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void recordsAChargeNoRequestRecordedAndAnnouncesIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = StripeStub.newId("pi");
		String payload = succeeded(order, intent);

		Response response = webhook(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(response.json().path("received").asBoolean()).isTrue();
		assertThat(recorded(eventId(payload))).isTrue();
		assertThat(payments(order.id(), "succeeded")).isEqualTo(1);
		assertThat(providerPaymentIdOf(order.id(), "succeeded")).isEqualTo(intent);
		JsonNode payments = this.http.get("/api/payments?orderId=" + order.id(), bearer(buyer)).json().path("items");
		assertThat(payments).hasSize(1);
		assertThat(payments.get(0).path("amount").asLong()).isEqualTo(PRICE);
		assertThat(payments.get(0).path("currency").asString()).isEqualTo("EUR");
		assertThat(payments.get(0).path("provider").asString()).isEqualTo("stripe");
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.succeeded").size() == 1);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.succeeded").getFirst()
			.body()
			.path("data")
			.path("providerPaymentId")
			.asString()).isEqualTo(intent);
		assertThat(STRIPE.refundRequests(intent)).isEmpty();
	}

	@Test
	void recordsAChargeWhoseAnswerTheServiceNeverGotAndAnswersTheRetryWithIt() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		// Stripe takes the money, but the connection breaks before its answer arrives.
		STRIPE.stub(StripeStub.createPaymentIntent(order.id())
			.willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		String key = UUID.randomUUID().toString();
		payWithKey(buyer, order.id(), "pm_card_visa", key).assertProblem(503, "payment_provider_unavailable");
		assertThat(payments(order.id())).isZero();
		String attempt = StripeStub.formParam(STRIPE.chargeRequests(order.id()).getFirst(), "metadata[attemptKey]");
		assertThat(attempt).isNotBlank();
		String intent = StripeStub.newId("pi");
		ObjectNode charged = paymentIntent("payment_intent_succeeded", intent, order.id(), order.buyer(), PRICE, "eur");
		((ObjectNode) charged.path("metadata")).put("attemptKey", attempt);

		Response response = webhook(text(event(SUCCEEDED, charged)));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(providerPaymentIdOf(order.id(), "succeeded")).isEqualTo(intent);
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.succeeded").size() == 1);
		int chargesSoFar = STRIPE.chargeRequests(order.id()).size();
		// The payer's retry with the same key gets the payment its charge made, without a
		// new charge; then that answer is replayed.
		Response retry = payWithKey(buyer, order.id(), "pm_card_visa", key);
		assertThat(retry.status()).as(retry.body()).isEqualTo(201);
		assertThat(retry.json().path("providerPaymentId").asString()).isEqualTo(intent);
		assertThat(retry.header("Idempotent-Replayed")).isEmpty();
		Response again = payWithKey(buyer, order.id(), "pm_card_visa", key);
		assertThat(again.json()).isEqualTo(retry.json());
		assertThat(again.header("Idempotent-Replayed")).hasValue("true");
		assertThat(STRIPE.chargeRequests(order.id())).hasSize(chargesSoFar);
		// Another attempt finds the order paid.
		payWithKey(buyer, order.id(), "pm_card_visa", UUID.randomUUID().toString()).assertProblem(409, "order_paid");
		pay(buyer, order.id(), "pm_card_visa").assertProblem(409, "order_paid");
		assertThat(payments(order.id())).isEqualTo(1);
	}

	@Test
	void appliesAnEventDeliveredTwiceOnce() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = succeeded(order, StripeStub.newId("pi"));

		Response first = webhook(payload);
		// Stripe signs every delivery anew.
		Response second = webhook(payload, signature(payload, now() + 1, StripeStub.WEBHOOK_SECRET));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(second.status()).as(second.body()).isEqualTo(200);
		assertThat(payments(order.id())).isEqualTo(1);
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.succeeded")).hasSize(1);
	}

	@Test
	void changesNothingForAPaymentIntentTheApiRecorded() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String intent = chargeSucceeds(order);
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);

		Response response = webhook(succeeded(order, intent));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(payments(order.id())).isEqualTo(1);
		assertThat(payments(order.id(), "succeeded")).isEqualTo(1);
		assertThat(STRIPE.refundRequests(intent)).isEmpty();
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.succeeded")).hasSize(1);
	}

	@Test
	void refundsASecondChargeForAnOrderAlreadyPaid() {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		String first = chargeSucceeds(order);
		assertThat(pay(buyer, order.id(), "pm_card_visa").status()).isEqualTo(201);
		String second = StripeStub.newId("pi");
		STRIPE.refundSucceeds(second, PRICE, "eur");

		Response response = webhook(succeeded(order, second));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(STRIPE.refundRequests(second)).hasSize(1);
		assertThat(STRIPE.refundRequests(second).getFirst().getHeader("Idempotency-Key")).isEqualTo("refund-" + second);
		assertThat(providerPaymentIdOf(order.id(), "succeeded")).isEqualTo(first);
		assertThat(providerPaymentIdOf(order.id(), "refunded")).isEqualTo(second);
		assertThat(refundReasonOf(second)).isEqualTo("duplicate");
		assertThat(STRIPE.refundRequests(first)).isEmpty();
	}

	@Test
	void recordsAndRefundsAChargeForACancelledOrder() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		cancelled(order, "expired");
		awaitReplicaVersion(order.id(), 2);
		String intent = StripeStub.newId("pi");
		STRIPE.refundSucceeds(intent, PRICE, "eur");

		Response response = webhook(succeeded(order, intent));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(payments(order.id())).isEqualTo(1);
		assertThat(providerPaymentIdOf(order.id(), "refunded")).isEqualTo(intent);
		assertThat(refundReasonOf(intent)).isEqualTo("order_cancelled");
		assertThat(STRIPE.refundRequests(intent)).hasSize(1);
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.refunded").size() == 1);
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.refunded")).hasSize(1);
		assertThat(paymentEvents(order.id(), "payments.v1.payment.succeeded")).hasSize(1);
	}

	@Test
	void aRefundStripeFailsToMakeRecordsNothingUntilStripeDeliversAgain() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		cancelled(order, "expired");
		awaitReplicaVersion(order.id(), 2);
		String intent = StripeStub.newId("pi");
		String scenario = "refund-outage-" + intent;
		STRIPE.stub(createRefund(intent).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(StripeStub.serverError())
			.willSetStateTo("recovered"));
		ObjectNode refund = StripeStub.fixture("refund");
		refund.put("payment_intent", intent);
		STRIPE.stub(createRefund(intent).inScenario(scenario).whenScenarioStateIs("recovered").willReturn(ok(refund)));
		String payload = succeeded(order, intent);

		webhook(payload).assertProblem(503, "payment_provider_unavailable");

		assertThat(recorded(eventId(payload))).isFalse();
		assertThat(payments(order.id())).isZero();

		Response redelivery = webhook(payload);

		assertThat(redelivery.status()).as(redelivery.body()).isEqualTo(200);
		assertThat(recorded(eventId(payload))).isTrue();
		assertThat(providerPaymentIdOf(order.id(), "refunded")).isEqualTo(intent);
		assertThat(STRIPE.refundRequests(intent)).hasSize(2)
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("refund-" + intent);
	}

	@Test
	void recordsAFailedPaymentAndChangesNothing() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String payload = text(event("payment_intent.payment_failed",
				StripeStub.declinedPaymentIntent(StripeStub.newId("pi"), order.id(), order.buyer(), PRICE, "eur")));

		Response response = webhook(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(recorded(eventId(payload))).isTrue();
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void recordsAndIgnoresOtherEventTypes() {
		ObjectNode refund = StripeStub.fixture("refund");
		String payload = text(event("charge.refunded", refund));

		Response response = webhook(payload);

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(recorded(eventId(payload))).isTrue();
	}

	@Test
	void ignoresAPaymentIntentThatIsNotForAnOrder() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		ObjectNode intent = paymentIntent("payment_intent_succeeded", StripeStub.newId("pi"), order.id(), order.buyer(),
				PRICE, "eur");
		((ObjectNode) intent.path("metadata")).put("orderId", "not-an-order");
		ObjectNode foreign = paymentIntent("payment_intent_succeeded", StripeStub.newId("pi"), order.id(),
				order.buyer(), PRICE, "eur");
		foreign.putObject("metadata");

		for (ObjectNode object : List.of(intent, foreign)) {
			String payload = text(event(SUCCEEDED, object));
			Response response = webhook(payload);
			assertThat(response.status()).as(response.body()).isEqualTo(200);
			assertThat(recorded(eventId(payload))).isTrue();
		}
		assertThat(payments(order.id())).isZero();
	}

	@Test
	void readsAnEventOfAnotherApiVersionThanStripeJavas() {
		PlacedOrder order = placedOrder(UUID.randomUUID());
		String intent = StripeStub.newId("pi");
		ObjectNode event = event(SUCCEEDED,
				paymentIntent("payment_intent_succeeded", intent, order.id(), order.buyer(), PRICE, "eur"));
		event.put("api_version", "2024-06-20");
		assertThat(event.path("api_version").asString()).isNotEqualTo(Stripe.API_VERSION);

		Response response = webhook(text(event));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		assertThat(providerPaymentIdOf(order.id(), "succeeded")).isEqualTo(intent);
	}

	@Test
	void refusesASignedPayloadThatIsNotAnEvent() {
		String payload = "{\"object\": \"list\", \"data\": []}";

		webhook(payload).assertProblem(400, "malformed_request");
	}

	private String refundReasonOf(String intent) {
		return this.jdbc.sql("SELECT refund_reason FROM payments WHERE provider_payment_id = ?")
			.param(intent)
			.query(String.class)
			.single();
	}

}
