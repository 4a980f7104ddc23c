package dev.ticketing.payments.stripe;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.payments.PaymentsProperties;
import dev.ticketing.payments.provider.Charge;
import dev.ticketing.payments.provider.ChargeOutcome;
import dev.ticketing.payments.provider.PaymentProviderException;
import dev.ticketing.payments.provider.Refund;
import dev.ticketing.payments.provider.UnknownPaymentMethodException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ticketing.payments.stripe.StripeStub.createPaymentIntent;
import static dev.ticketing.payments.stripe.StripeStub.createRefund;
import static dev.ticketing.payments.stripe.StripeStub.fixture;
import static dev.ticketing.payments.stripe.StripeStub.formParam;
import static dev.ticketing.payments.stripe.StripeStub.json;
import static dev.ticketing.payments.stripe.StripeStub.ok;
import static dev.ticketing.payments.stripe.StripeStub.paymentIntent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link StripePaymentProvider} turns Stripe's answers into outcomes, against
 * Stripe's API stubbed by WireMock with Stripe's own response shapes: what is sent, what
 * is a success, a decline, the payer's mistake, and what is an unknown outcome to retry.
 */
class StripePaymentProviderTests {

	private static final StripeStub stripe = StripeStub.start();

	private final UUID orderId = UUID.randomUUID();

	private final UUID userId = UUID.randomUUID();

	private final Charge charge = new Charge("payment-" + UUID.randomUUID(), this.orderId, this.userId, 12_500, "EUR",
			"pm_card_visa");

	@AfterAll
	static void stop() {
		stripe.stop();
	}

	@BeforeEach
	void reset() {
		stripe.reset();
	}

	private static StripePaymentProvider provider(int maxNetworkRetries, Duration readTimeout) {
		return new StripePaymentProvider(new PaymentsProperties.Stripe(StripeStub.SECRET_KEY, StripeStub.WEBHOOK_SECRET,
				URI.create(stripe.baseUrl() + "/"), Duration.ofSeconds(5), readTimeout, maxNetworkRetries,
				Duration.ofMinutes(5)));
	}

	private static StripePaymentProvider provider() {
		return provider(0, Duration.ofSeconds(20));
	}

	@Test
	void chargesWithAConfirmedPaymentIntentUnderTheChargesIdempotencyKey() {
		String id = StripeStub.newId("pi");
		stripe.chargeSucceeds(this.orderId, this.userId, 12_500, "eur", id);

		ChargeOutcome outcome = provider().charge(this.charge);

		assertThat(outcome).isEqualTo(new ChargeOutcome.Succeeded(id));
		List<LoggedRequest> requests = stripe.chargeRequests(this.orderId);
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.getFirst();
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo(this.charge.idempotencyKey());
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
		assertThat(formParam(request, "amount")).isEqualTo("12500");
		assertThat(formParam(request, "currency")).isEqualTo("eur");
		assertThat(formParam(request, "payment_method")).isEqualTo("pm_card_visa");
		assertThat(formParam(request, "confirm")).isEqualTo("true");
		assertThat(formParam(request, "automatic_payment_methods[enabled]")).isEqualTo("true");
		assertThat(formParam(request, "automatic_payment_methods[allow_redirects]")).isEqualTo("never");
		assertThat(formParam(request, "metadata[orderId]")).isEqualTo(this.orderId.toString());
		assertThat(formParam(request, "metadata[userId]")).isEqualTo(this.userId.toString());
		assertThat(formParam(request, "metadata[attemptKey]")).isEqualTo(this.charge.idempotencyKey());
		assertThat(formParam(request, "return_url")).isNull();
	}

	@Test
	void aCardErrorIsADeclineWithStripesMessageForThePayer() {
		ObjectNode error = fixture("error_card_declined");
		((ObjectNode) error.path("error")).put("message", "Your card has insufficient funds.");
		stripe.stub(createPaymentIntent(this.orderId).willReturn(json(402, error)));

		assertThat(provider().charge(this.charge))
			.isEqualTo(new ChargeOutcome.Declined("Your card has insufficient funds."));
	}

	@Test
	void anUnknownPaymentMethodIsThePayersMistake() {
		stripe.stub(createPaymentIntent(this.orderId)
			.willReturn(json(400, fixture("error_resource_missing_payment_method"))));

		assertThatExceptionOfType(UnknownPaymentMethodException.class).isThrownBy(() -> provider().charge(this.charge));
	}

	@ParameterizedTest
	@ValueSource(strings = { "amount_too_small", "amount_too_large" })
	void anAmountStripeWillNeverAcceptIsADeclineNotARetry(String code) {
		ObjectNode error = fixture("error_resource_missing_payment_method");
		ObjectNode details = (ObjectNode) error.path("error");
		details.put("code", code);
		details.put("param", "amount");
		details.put("message", "Amount must be at least €0.50 eur");
		stripe.stub(createPaymentIntent(this.orderId).willReturn(json(400, error)));

		assertThat(provider().charge(this.charge))
			.isEqualTo(new ChargeOutcome.Declined("Amount must be at least €0.50 eur"));
	}

	@Test
	void anyOtherInvalidRequestIsAFailureNotTheirMistake() {
		ObjectNode error = fixture("error_resource_missing_payment_method");
		ObjectNode details = (ObjectNode) error.path("error");
		details.put("code", "parameter_unknown");
		details.put("param", "shipping");
		details.put("message", "Received unknown parameter: shipping");
		stripe.stub(createPaymentIntent(this.orderId).willReturn(json(400, error)));

		assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> provider().charge(this.charge));
	}

	@Test
	void aPaymentIntentNeedingAuthenticationIsCancelledAndDeclined() {
		String id = StripeStub.newId("pi");
		stripe.stub(createPaymentIntent(this.orderId).willReturn(
				ok(paymentIntent("payment_intent_requires_action", id, this.orderId, this.userId, 12_500, "eur"))));
		ObjectNode cancelled = paymentIntent("payment_intent_requires_action", id, this.orderId, this.userId, 12_500,
				"eur");
		cancelled.put("status", "canceled");
		cancelled.put("cancellation_reason", "abandoned");
		stripe.stub(post(urlPathEqualTo("/v1/payment_intents/" + id + "/cancel")).willReturn(ok(cancelled)));

		assertThat(provider().charge(this.charge))
			.isEqualTo(new ChargeOutcome.Declined(StripePaymentProvider.AUTHENTICATION_NOT_SUPPORTED));

		List<LoggedRequest> cancels = stripe.cancelRequests(id);
		assertThat(cancels).hasSize(1);
		assertThat(formParam(cancels.getFirst(), "cancellation_reason")).isEqualTo("abandoned");
		assertThat(cancels.getFirst().getHeader("Idempotency-Key")).isEqualTo(this.charge.idempotencyKey() + "-cancel");
	}

	@Test
	void aPaymentIntentThatCouldNotBeCancelledIsAFailure() {
		String id = StripeStub.newId("pi");
		stripe.stub(createPaymentIntent(this.orderId).willReturn(
				ok(paymentIntent("payment_intent_requires_action", id, this.orderId, this.userId, 12_500, "eur"))));
		stripe.stub(post(urlPathEqualTo("/v1/payment_intents/" + id + "/cancel")).willReturn(StripeStub.serverError()));

		assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> provider().charge(this.charge));
	}

	@Test
	void aPaymentIntentWaitingForAnotherPaymentMethodIsADecline() {
		String id = StripeStub.newId("pi");
		stripe.stub(createPaymentIntent(this.orderId)
			.willReturn(ok(StripeStub.declinedPaymentIntent(id, this.orderId, this.userId, 12_500, "eur"))));

		assertThat(provider().charge(this.charge)).isEqualTo(new ChargeOutcome.Declined("Your card was declined."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "processing", "requires_capture", "requires_confirmation", "canceled" })
	void aPaymentIntentThatHasNotSucceededYetIsAnUnknownOutcome(String status) {
		String id = StripeStub.newId("pi");
		ObjectNode intent = paymentIntent("payment_intent_succeeded", id, this.orderId, this.userId, 12_500, "eur");
		intent.put("status", status);
		stripe.stub(createPaymentIntent(this.orderId).willReturn(ok(intent)));

		assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> provider().charge(this.charge))
			.withMessageContaining(id)
			.withMessageContaining(status);
		assertThat(stripe.cancelRequests(id)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 503, 429, 401, 403, 409 })
	void serverErrorsRateLimitsRefusedKeysAndConflictsAreFailures(int status) {
		String body = switch (status) {
			case 429 -> "error_rate_limit";
			case 401, 403 -> "error_invalid_api_key";
			default -> "error_api";
		};
		stripe.stub(createPaymentIntent(this.orderId).willReturn(json(status, fixture(body))));

		assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> provider().charge(this.charge));
	}

	@Test
	void aConnectionResetIsAFailure() {
		stripe
			.stub(createPaymentIntent(this.orderId).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(PaymentProviderException.class).isThrownBy(() -> provider().charge(this.charge));
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutIsAFailure() {
		stripe.stub(createPaymentIntent(this.orderId).willReturn(ok(paymentIntent("payment_intent_succeeded",
				StripeStub.newId("pi"), this.orderId, this.userId, 12_500, "eur"))
			.withFixedDelay(3_000)));

		assertThatExceptionOfType(PaymentProviderException.class)
			.isThrownBy(() -> provider(0, Duration.ofMillis(300)).charge(this.charge));
	}

	@Test
	void stripeJavaRetriesAServerErrorWithTheSameIdempotencyKey() {
		String id = StripeStub.newId("pi");
		stripe.stub(createPaymentIntent(this.orderId).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(500, fixture("error_api")))
			.willSetStateTo("recovered"));
		stripe.stub(createPaymentIntent(this.orderId).inScenario("outage")
			.whenScenarioStateIs("recovered")
			.willReturn(ok(paymentIntent("payment_intent_succeeded", id, this.orderId, this.userId, 12_500, "eur"))));

		assertThat(provider(1, Duration.ofSeconds(20)).charge(this.charge)).isEqualTo(new ChargeOutcome.Succeeded(id));

		assertThat(stripe.chargeRequests(this.orderId)).hasSize(2)
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly(this.charge.idempotencyKey());
	}

	@Test
	void refundsTheWholePaymentIntentUnderTheRefundsIdempotencyKey() {
		String id = StripeStub.newId("pi");
		stripe.refundSucceeds(id, 12_500, "eur");
		Refund refund = new Refund("refund-" + id, UUID.randomUUID(), id, 12_500, "EUR");

		provider().refund(refund);

		List<LoggedRequest> requests = stripe.refundRequests(id);
		assertThat(requests).hasSize(1);
		assertThat(requests.getFirst().getHeader("Idempotency-Key")).isEqualTo("refund-" + id);
		assertThat(formParam(requests.getFirst(), "metadata[paymentId]")).isEqualTo(refund.paymentId().toString());
		assertThat(formParam(requests.getFirst(), "amount")).isNull();
	}

	@Test
	void aChargeAlreadyRefundedIsRefunded() {
		String id = StripeStub.newId("pi");
		stripe.stub(createRefund(id).willReturn(json(400, fixture("error_charge_already_refunded"))));

		provider().refund(new Refund("refund-" + id, UUID.randomUUID(), id, 12_500, "EUR"));

		assertThat(stripe.refundRequests(id)).hasSize(1);
	}

	@Test
	void aRefundStripeDidNotMakeIsAFailure() {
		String id = StripeStub.newId("pi");
		stripe.stub(createRefund(id).willReturn(StripeStub.serverError()));

		assertThatExceptionOfType(PaymentProviderException.class)
			.isThrownBy(() -> provider().refund(new Refund("refund-" + id, UUID.randomUUID(), id, 12_500, "EUR")));
	}

	@Test
	void aFailedRefundIsAFailure() {
		String id = StripeStub.newId("pi");
		ObjectNode refund = fixture("refund");
		refund.put("payment_intent", id);
		refund.put("status", "failed");
		stripe.stub(createRefund(id).willReturn(ok(refund)));

		assertThatExceptionOfType(PaymentProviderException.class)
			.isThrownBy(() -> provider().refund(new Refund("refund-" + id, UUID.randomUUID(), id, 12_500, "EUR")));
	}

}
