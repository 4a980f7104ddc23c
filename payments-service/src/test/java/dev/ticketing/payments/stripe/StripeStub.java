package dev.ticketing.payments.stripe;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.stripe.Stripe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.payments.payout.PayoutInstruction;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * Stripe's API as a local WireMock server answering with the shapes Stripe answers with
 * (the JSON files under {@code src/test/resources/stripe/}, copied from Stripe's test
 * mode), and Stripe's side of webhooks: events and their {@code Stripe-Signature}. Stubs
 * match on the order, PaymentIntent, payout or transfer a test made, so tests sharing one
 * server never see each other's calls.
 */
final class StripeStub {

	static final String SECRET_KEY = "sk_test_51QZ8VxLkdIwHu7ixTicketingStubKey0000000000";

	static final String WEBHOOK_SECRET = "whsec_7bq4ZtVn2kQ0m8Yx3sL5pR1cD9eF6gH2";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

	private final WireMockServer server;

	private StripeStub(WireMockServer server) {
		this.server = server;
	}

	/** Starts a server on a free loopback port. */
	static StripeStub start() {
		WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return new StripeStub(server);
	}

	/** What {@code ticketing.payments.stripe.api-base} points at. */
	String baseUrl() {
		return this.server.baseUrl();
	}

	void stop() {
		this.server.stop();
	}

	void reset() {
		this.server.resetAll();
	}

	/** A Stripe-like object id: {@code pi_3SXq...}. */
	static String newId(String prefix) {
		StringBuilder id = new StringBuilder(prefix).append("_3SXq");
		for (int i = 0; i < 20; i++) {
			id.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
		}
		return id.toString();
	}

	/** A JSON file of {@code src/test/resources/stripe/}, parsed. */
	static ObjectNode fixture(String name) {
		try (InputStream in = StripeStub.class.getResourceAsStream("/stripe/" + name + ".json")) {
			if (in == null) {
				throw new IllegalArgumentException("No fixture stripe/" + name + ".json");
			}
			return (ObjectNode) JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A PaymentIntent as Stripe returns it, from a fixture
	 * ({@code payment_intent_succeeded}, ...), for an order.
	 */
	static ObjectNode paymentIntent(String fixture, String id, UUID orderId, UUID userId, long amount,
			String currency) {
		ObjectNode intent = fixture(fixture);
		intent.put("id", id);
		intent.put("client_secret", id + "_secret_" + newId("cs").substring(3));
		intent.put("amount", amount);
		if (intent.path("amount_received").asLong() > 0) {
			intent.put("amount_received", amount);
		}
		intent.put("currency", currency);
		ObjectNode metadata = intent.putObject("metadata");
		metadata.put("orderId", orderId.toString());
		metadata.put("userId", userId.toString());
		return intent;
	}

	/** The PaymentIntent of a {@code card_declined} error, as it fails. */
	static ObjectNode declinedPaymentIntent(String id, UUID orderId, UUID userId, long amount, String currency) {
		ObjectNode intent = (ObjectNode) fixture("error_card_declined").path("error").path("payment_intent");
		intent.put("id", id);
		intent.put("amount", amount);
		intent.put("currency", currency);
		ObjectNode metadata = intent.putObject("metadata");
		metadata.put("orderId", orderId.toString());
		metadata.put("userId", userId.toString());
		return intent;
	}

	/** A 200 with a JSON body, as Stripe sends it. */
	static ResponseDefinitionBuilder ok(JsonNode body) {
		return json(200, body);
	}

	/** A response with a JSON body, as Stripe sends it. */
	static ResponseDefinitionBuilder json(int status, JsonNode body) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("Request-Id", "req_" + newId("x").substring(2))
			.withHeader("Stripe-Version", "2026-07-29.dahlia")
			.withBody(JSON.writeValueAsString(body));
	}

	/**
	 * A 500 {@code api_error} that Stripe tells clients not to retry by themselves
	 * ({@code Stripe-Should-Retry: false}), so stripe-java gives up at once.
	 */
	static ResponseDefinitionBuilder serverError() {
		return json(500, fixture("error_api")).withHeader("Stripe-Should-Retry", "false");
	}

	/** {@code POST /v1/payment_intents} for an order. */
	static MappingBuilder createPaymentIntent(UUID orderId) {
		return post(urlPathEqualTo("/v1/payment_intents")).withFormParam("metadata[orderId]",
				equalTo(orderId.toString()));
	}

	/** {@code POST /v1/refunds} of a PaymentIntent. */
	static MappingBuilder createRefund(String paymentIntentId) {
		return post(urlPathEqualTo("/v1/refunds")).withFormParam("payment_intent", equalTo(paymentIntentId));
	}

	/** {@code POST /v1/transfers} of a payout. */
	static MappingBuilder createTransfer(UUID payoutId) {
		return post(urlPathEqualTo("/v1/transfers")).withFormParam("metadata[payoutId]", equalTo(payoutId.toString()));
	}

	/** {@code POST /v1/transfers/{id}/reversals} of a transfer. */
	static MappingBuilder createTransferReversal(String transferId) {
		return post(urlPathEqualTo("/v1/transfers/" + transferId + "/reversals"));
	}

	/** A transfer as Stripe returns it once made for a payout. */
	static ObjectNode transfer(String id, PayoutInstruction instruction) {
		ObjectNode transfer = fixture("transfer");
		transfer.put("id", id);
		transfer.put("amount", instruction.amount());
		transfer.put("currency", instruction.currency().toLowerCase(Locale.ROOT));
		transfer.put("destination", instruction.reference());
		transfer.put("transfer_group", instruction.transferGroup());
		ObjectNode metadata = transfer.putObject("metadata");
		metadata.put("payoutId", instruction.payoutId().toString());
		metadata.put("sellerId", instruction.sellerId().toString());
		((ObjectNode) transfer.path("reversals")).put("url", "/v1/transfers/" + id + "/reversals");
		return transfer;
	}

	/** A transfer reversal as Stripe returns it once made. */
	static ObjectNode transferReversal(String id, String transferId, long amount, String currency, String reversalKey) {
		ObjectNode reversal = fixture("transfer_reversal");
		reversal.put("id", id);
		reversal.put("transfer", transferId);
		reversal.put("amount", amount);
		reversal.put("currency", currency);
		reversal.putObject("metadata").put("reversalKey", reversalKey);
		return reversal;
	}

	/** Adds a stub. */
	void stub(MappingBuilder mapping) {
		this.server.stubFor(mapping);
	}

	/** Stripe creates a succeeded PaymentIntent for the order. */
	void chargeSucceeds(UUID orderId, UUID userId, long amount, String currency, String paymentIntentId) {
		stub(createPaymentIntent(orderId).willReturn(
				ok(paymentIntent("payment_intent_succeeded", paymentIntentId, orderId, userId, amount, currency))));
	}

	/** Stripe refunds the PaymentIntent. */
	void refundSucceeds(String paymentIntentId, long amount, String currency) {
		ObjectNode refund = fixture("refund");
		refund.put("id", newId("re"));
		refund.put("payment_intent", paymentIntentId);
		refund.put("amount", amount);
		refund.put("currency", currency);
		stub(createRefund(paymentIntentId).willReturn(ok(refund)));
	}

	/** The {@code POST /v1/payment_intents} calls made for an order. */
	List<LoggedRequest> chargeRequests(UUID orderId) {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents"))
			.withFormParam("metadata[orderId]", equalTo(orderId.toString())));
	}

	/** The {@code POST /v1/transfers} calls made for a payout. */
	List<LoggedRequest> transferRequests(UUID payoutId) {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/v1/transfers")).withFormParam("metadata[payoutId]",
				equalTo(payoutId.toString())));
	}

	/** The {@code POST /v1/transfers/{id}/reversals} calls made for a transfer. */
	List<LoggedRequest> reversalRequests(String transferId) {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/v1/transfers/" + transferId + "/reversals")));
	}

	/** The {@code POST /v1/refunds} calls made for a PaymentIntent. */
	List<LoggedRequest> refundRequests(String paymentIntentId) {
		return this.server.findAll(postRequestedFor(urlPathEqualTo("/v1/refunds")).withFormParam("payment_intent",
				equalTo(paymentIntentId)));
	}

	/**
	 * The {@code POST /v1/payment_intents/{id}/cancel} calls made for a PaymentIntent.
	 */
	List<LoggedRequest> cancelRequests(String paymentIntentId) {
		return this.server
			.findAll(postRequestedFor(urlPathEqualTo("/v1/payment_intents/" + paymentIntentId + "/cancel")));
	}

	/** One form parameter of a request stripe-java sent. */
	static String formParam(LoggedRequest request, String name) {
		return (request.formParameters().containsKey(name)) ? request.formParameter(name).firstValue() : null;
	}

	/**
	 * An event as Stripe delivers it to a webhook endpoint, with a new {@code evt_} id,
	 * around a data object, of stripe-java's API version.
	 */
	static ObjectNode event(String type, JsonNode object) {
		ObjectNode event = fixture("event_payment_intent_succeeded");
		event.put("id", newId("evt"));
		event.put("type", type);
		event.put("api_version", Stripe.API_VERSION);
		event.put("created", System.currentTimeMillis() / 1000);
		((ObjectNode) event.path("data")).set("object", object);
		return event;
	}

	static String text(JsonNode json) {
		return JSON.writeValueAsString(json);
	}

	/**
	 * The {@code Stripe-Signature} header Stripe sends: {@code t=<unix seconds>,v1=<hex
	 * HMAC-SHA256 of "<t>.<payload>" keyed with the endpoint's secret>}.
	 */
	static String signature(String payload, long timestamp, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
			return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A signature made now with the endpoint's secret. */
	static String signature(String payload) {
		return signature(payload, System.currentTimeMillis() / 1000, WEBHOOK_SECRET);
	}

}
