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
import dev.ticketing.payments.payout.PayoutInstruction;
import dev.ticketing.payments.payout.PayoutOutcome;
import dev.ticketing.payments.payout.PayoutProviderException;
import dev.ticketing.payments.payout.PayoutReversal;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static dev.ticketing.payments.stripe.StripeStub.createTransfer;
import static dev.ticketing.payments.stripe.StripeStub.createTransferReversal;
import static dev.ticketing.payments.stripe.StripeStub.fixture;
import static dev.ticketing.payments.stripe.StripeStub.formParam;
import static dev.ticketing.payments.stripe.StripeStub.json;
import static dev.ticketing.payments.stripe.StripeStub.ok;
import static dev.ticketing.payments.stripe.StripeStub.transfer;
import static dev.ticketing.payments.stripe.StripeStub.transferReversal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * How {@link StripePayoutProvider} turns Stripe's answers to transfers and transfer
 * reversals into outcomes, against Stripe's API stubbed by WireMock with Stripe's own
 * response shapes: what is sent, what is sent money, a refusal, money that cannot come
 * back, and what is an unknown outcome to retry with the same key.
 */
class StripePayoutProviderTests {

	private static final StripeStub stripe = StripeStub.start();

	private static final String CONNECTED_ACCOUNT = "acct_1SXpQ4Rk8vTnE2bY";

	private final UUID payoutId = UUID.randomUUID();

	private final UUID sellerId = UUID.randomUUID();

	private final String orderId = UUID.randomUUID().toString();

	private final PayoutInstruction instruction = new PayoutInstruction(this.payoutId, this.sellerId, CONNECTED_ACCOUNT,
			11_250, "EUR", this.orderId);

	@AfterAll
	static void stop() {
		stripe.stop();
	}

	@BeforeEach
	void reset() {
		stripe.reset();
	}

	private static StripePayoutProvider provider(int maxNetworkRetries, Duration readTimeout) {
		return new StripePayoutProvider(new PaymentsProperties.Stripe(StripeStub.SECRET_KEY, StripeStub.WEBHOOK_SECRET,
				URI.create(stripe.baseUrl() + "/"), Duration.ofSeconds(5), readTimeout, maxNetworkRetries,
				Duration.ofMinutes(5)));
	}

	private static StripePayoutProvider provider() {
		return provider(0, Duration.ofSeconds(20));
	}

	/** A Stripe error of a fixture, with another code, parameter and message. */
	private static ObjectNode error(String fixture, String code, String param, String message) {
		ObjectNode error = fixture(fixture);
		ObjectNode details = (ObjectNode) error.path("error");
		details.put("code", code);
		details.put("param", param);
		details.put("message", message);
		return error;
	}

	@Test
	void servesTheStripePayoutMethod() {
		assertThat(provider().method()).isEqualTo("stripe");
	}

	@Test
	void sendsATransferToTheConnectedAccountUnderThePayoutsIdempotencyKey() {
		String id = StripeStub.newId("tr");
		stripe.stub(createTransfer(this.payoutId).willReturn(ok(transfer(id, this.instruction))));

		PayoutOutcome outcome = provider().pay(this.instruction);

		assertThat(outcome).isEqualTo(new PayoutOutcome.Sent(id));
		List<LoggedRequest> requests = stripe.transferRequests(this.payoutId);
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.getFirst();
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo("payout-" + this.payoutId);
		assertThat(request.getHeader("Authorization")).isEqualTo("Bearer " + StripeStub.SECRET_KEY);
		assertThat(formParam(request, "amount")).isEqualTo("11250");
		assertThat(formParam(request, "currency")).isEqualTo("eur");
		assertThat(formParam(request, "destination")).isEqualTo(CONNECTED_ACCOUNT);
		assertThat(formParam(request, "transfer_group")).isEqualTo(this.orderId);
		assertThat(formParam(request, "metadata[payoutId]")).isEqualTo(this.payoutId.toString());
		assertThat(formParam(request, "metadata[sellerId]")).isEqualTo(this.sellerId.toString());
		// Funded from the available balance, not tied to one charge.
		assertThat(formParam(request, "source_transaction")).isNull();
	}

	@Test
	void stripeJavaRetriesAServerErrorWithTheSameIdempotencyKey() {
		String id = StripeStub.newId("tr");
		stripe.stub(createTransfer(this.payoutId).inScenario("outage")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json(500, fixture("error_api")))
			.willSetStateTo("recovered"));
		stripe.stub(createTransfer(this.payoutId).inScenario("outage")
			.whenScenarioStateIs("recovered")
			.willReturn(ok(transfer(id, this.instruction))));

		assertThat(provider(1, Duration.ofSeconds(20)).pay(this.instruction)).isEqualTo(new PayoutOutcome.Sent(id));

		assertThat(stripe.transferRequests(this.payoutId)).hasSize(2)
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("payout-" + this.payoutId);
	}

	@Test
	void aPayoutRetriedAfterAConnectionResetCarriesTheSameIdempotencyKey() {
		String id = StripeStub.newId("tr");
		stripe.stub(createTransfer(this.payoutId).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		StripePayoutProvider provider = provider();

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(() -> provider.pay(this.instruction));
		// Stripe is reachable again for the payout job's next attempt (WireMock answers
		// with the newest matching stub).
		stripe.stub(createTransfer(this.payoutId).willReturn(ok(transfer(id, this.instruction))));
		assertThat(provider.pay(this.instruction)).isEqualTo(new PayoutOutcome.Sent(id));

		// The JDK's HTTP client may itself send a POST once more after a reset: every
		// attempt, its own or ours, is the same payout to Stripe.
		assertThat(stripe.transferRequests(this.payoutId)).hasSizeGreaterThanOrEqualTo(2)
			.extracting((request) -> request.getHeader("Idempotency-Key"))
			.containsOnly("payout-" + this.payoutId);
	}

	@Test
	void anUnknownDestinationIsRefusedWithStripesMessage() {
		stripe.stub(createTransfer(this.payoutId).willReturn(json(400, fixture("error_transfer_destination_missing"))));

		assertThat(provider().pay(this.instruction))
			.isEqualTo(new PayoutOutcome.Refused("No such destination: 'acct_1SXpQ4Rk8vTnE2bY'"));
	}

	@Test
	void aConnectedAccountWithoutTheTransfersCapabilityIsRefusedWithStripesMessage() {
		stripe.stub(createTransfer(this.payoutId)
			.willReturn(json(400, fixture("error_insufficient_capabilities_for_transfer"))));

		assertThat(provider().pay(this.instruction)).isEqualTo(new PayoutOutcome.Refused(
				"Your destination account needs to have at least one of the following capabilities enabled: "
						+ "transfers, crypto_transfers, legacy_payments"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "amount_too_small", "amount_too_large" })
	void anAmountStripeWillNeverAcceptIsRefusedNotRetried(String code) {
		stripe.stub(createTransfer(this.payoutId).willReturn(json(400,
				error("error_transfer_destination_missing", code, "amount", "Amount must be at least €0.01 eur"))));

		assertThat(provider().pay(this.instruction))
			.isEqualTo(new PayoutOutcome.Refused("Amount must be at least €0.01 eur"));
	}

	@Test
	void aPlatformBalanceTooLowForNowIsAFailureToRetry() {
		stripe.stub(createTransfer(this.payoutId).willReturn(json(400, fixture("error_balance_insufficient"))));

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(() -> provider().pay(this.instruction))
			.withMessageContaining("balance_insufficient")
			.withMessageContaining(this.payoutId.toString());
	}

	@Test
	void anyOtherInvalidRequestIsAFailureNotARefusal() {
		stripe.stub(createTransfer(this.payoutId).willReturn(json(400, error("error_transfer_destination_missing",
				"parameter_unknown", "source_type", "Received unknown parameter: source_type"))));

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(() -> provider().pay(this.instruction));
	}

	@Test
	void aBadApiKeyIsAFailure() {
		stripe.stub(createTransfer(this.payoutId).willReturn(json(401, fixture("error_invalid_api_key"))));

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(() -> provider().pay(this.instruction))
			.withMessageContaining("AuthenticationException")
			.withMessageContaining("status 401");
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 503, 429, 403, 409 })
	void serverErrorsRateLimitsForbiddenKeysAndConflictsAreFailures(int status) {
		String body = switch (status) {
			case 429 -> "error_rate_limit";
			case 403 -> "error_invalid_api_key";
			default -> "error_api";
		};
		stripe.stub(createTransfer(this.payoutId).willReturn(json(status, fixture(body))));

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(() -> provider().pay(this.instruction))
			.withMessageContaining("status " + status);
	}

	@Test
	void anAnswerSlowerThanTheReadTimeoutIsAFailure() {
		stripe.stub(createTransfer(this.payoutId)
			.willReturn(ok(transfer(StripeStub.newId("tr"), this.instruction)).withFixedDelay(3_000)));

		assertThatExceptionOfType(PayoutProviderException.class)
			.isThrownBy(() -> provider(0, Duration.ofMillis(300)).pay(this.instruction));
	}

	@Test
	void reversesPartOfATransferUnderTheReversalsIdempotencyKey() {
		String transferId = StripeStub.newId("tr");
		String key = "reversal-" + UUID.randomUUID();
		stripe.stub(createTransferReversal(transferId)
			.willReturn(ok(transferReversal(StripeStub.newId("trr"), transferId, 4_000, "eur", key))));

		assertThat(provider().reverse(new PayoutReversal(key, transferId, 4_000, "EUR"))).isTrue();

		List<LoggedRequest> requests = stripe.reversalRequests(transferId);
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.getFirst();
		assertThat(request.getUrl()).isEqualTo("/v1/transfers/" + transferId + "/reversals");
		assertThat(request.getHeader("Idempotency-Key")).isEqualTo(key);
		assertThat(formParam(request, "amount")).isEqualTo("4000");
		assertThat(formParam(request, "metadata[reversalKey]")).isEqualTo(key);
		// The platform keeps its own fees: only the seller's share comes back.
		assertThat(formParam(request, "refund_application_fee")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "insufficient_funds", "balance_insufficient" })
	void aReversalTheConnectedAccountsBalanceCannotCoverIsRefused(String code) {
		String transferId = StripeStub.newId("tr");
		ObjectNode error = fixture("error_insufficient_funds");
		((ObjectNode) error.path("error")).put("code", code);
		stripe.stub(createTransferReversal(transferId).willReturn(json(400, error)));

		assertThat(provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")))
			.isFalse();
	}

	@Test
	void aTransferAlreadyFullyReversedIsRefused() {
		String transferId = StripeStub.newId("tr");
		ObjectNode error = fixture("error_transfer_already_reversed");
		((ObjectNode) error.path("error")).put("message", "The transfer " + transferId + " is already fully reversed.");
		stripe.stub(createTransferReversal(transferId).willReturn(json(400, error)));

		assertThat(provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")))
			.isFalse();
	}

	@Test
	void aReversalOfMoreThanIsLeftOnTheTransferIsRefused() {
		String transferId = StripeStub.newId("tr");
		ObjectNode error = fixture("error_transfer_already_reversed");
		ObjectNode details = (ObjectNode) error.path("error");
		details.put("param", "amount");
		details.put("message", "You cannot reverse more than the remaining 2000 of transfer " + transferId + ".");
		stripe.stub(createTransferReversal(transferId).willReturn(json(400, error)));

		assertThat(provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")))
			.isFalse();
	}

	@Test
	void anUnknownTransferIsAFailureNotARefusal() {
		String transferId = StripeStub.newId("tr");
		stripe.stub(createTransferReversal(transferId).willReturn(json(404, error("error_transfer_destination_missing",
				"resource_missing", "id", "No such transfer: '" + transferId + "'"))));

		assertThatExceptionOfType(PayoutProviderException.class)
			.isThrownBy(
					() -> provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")))
			.withMessageContaining(transferId);
	}

	@Test
	void aReversalStripeDidNotMakeIsAFailure() {
		String transferId = StripeStub.newId("tr");
		stripe.stub(createTransferReversal(transferId).willReturn(StripeStub.serverError()));

		assertThatExceptionOfType(PayoutProviderException.class).isThrownBy(
				() -> provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")));
	}

	@Test
	void aReversalWithABadApiKeyIsAFailure() {
		String transferId = StripeStub.newId("tr");
		stripe.stub(createTransferReversal(transferId).willReturn(json(401, fixture("error_invalid_api_key"))));

		assertThatExceptionOfType(PayoutProviderException.class)
			.isThrownBy(
					() -> provider().reverse(new PayoutReversal("reversal-" + transferId, transferId, 4_000, "EUR")))
			.withMessageContaining("AuthenticationException");
	}

}
