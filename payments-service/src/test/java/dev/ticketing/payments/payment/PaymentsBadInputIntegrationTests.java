package dev.ticketing.payments.payment;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request to {@code /api/payments} gets its problem response (DESIGN
 * §2) and changes nothing: nothing is charged, no payment is stored, no event is written.
 */
class PaymentsBadInputIntegrationTests extends PaymentsIntegrationTest {

	private static final String[] JSON = { "Content-Type", "application/json" };

	UUID buyer;

	/** An order the buyer could pay, the target of the test's bad requests. */
	PlacedOrder free;

	/** The buyer's payment of another order, as it was before the bad requests. */
	JsonNode existing;

	double chargesBefore;

	@BeforeEach
	void setUp() {
		this.buyer = UUID.randomUUID();
		Response paid = pay(this.buyer, placedOrder(this.buyer).id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		this.existing = paid.json();
		this.free = placedOrder(this.buyer);
		this.chargesBefore = totalCharges();
	}

	// The body's fields

	@Test
	void missingFieldsAre400() {
		assertInvalid(submit("{}"), "orderId", "paymentMethod");
		assertInvalid(submit(TestHttp.json(Map.of("paymentMethod", "pm_card_visa"))), "orderId");
		assertInvalid(submit(TestHttp.json(Map.of("orderId", this.free.id().toString()))), "paymentMethod");
		assertInvalid(
				submit(TestHttp.json(Map.of("order", this.free.id().toString(), "paymentMethod", "pm_card_visa"))),
				"orderId");
		assertInvalid(submit("{\"orderId\": null, \"paymentMethod\": null}"), "orderId", "paymentMethod");
	}

	@Test
	void anOrderIdThatIsNotAUuidIs400() {
		String id = this.free.id().toString();
		for (String orderId : List.of("", " ", "not-a-uuid", "12345", id + "0", id.substring(1), id.replace("-", ""),
				" " + id, "{" + id + "}", "urn:uuid:" + id, id.substring(0, 35) + "\u0000")) {
			assertInvalid(submit(body(orderId, "pm_card_visa")), "orderId");
		}
	}

	@Test
	void aMalformedPaymentMethodIs400() {
		for (String method : List.of("", "pm card visa", "pm_card_visa\u0000", "pm_card_visa;DROP TABLE payments",
				"<script>", "pm_card_visa\n", "x".repeat(256), "pm_cärd")) {
			assertInvalid(submit(body(this.free.id().toString(), method)), "paymentMethod");
		}
	}

	@Test
	void aPaymentMethodTheProviderDoesNotKnowIs400() {
		for (String method : List.of("pm_card_mastercard_unknown", "tok_nothing", "x".repeat(255))) {
			assertInvalid(submit(body(this.free.id().toString(), method)), "paymentMethod");
		}
	}

	@Test
	void fieldsOfTheWrongJsonTypeAreMalformed() {
		String id = this.free.id().toString();
		for (Object value : List.of(42, 1.5, true, List.of(id), Map.of("id", id))) {
			Map<String, Object> wrongOrder = new LinkedHashMap<>();
			wrongOrder.put("orderId", value);
			wrongOrder.put("paymentMethod", "pm_card_visa");
			JsonNode problem = assertRefused(submit(TestHttp.json(wrongOrder)), 400, "malformed_request");
			assertThat(problem.path("detail").asString()).as("orderId %s", value).contains("orderId");
			Map<String, Object> wrongMethod = new LinkedHashMap<>();
			wrongMethod.put("orderId", id);
			wrongMethod.put("paymentMethod", value);
			assertRefused(submit(TestHttp.json(wrongMethod)), 400, "malformed_request");
		}
	}

	// Bodies that cannot be read

	@Test
	void aFieldGivenTwiceIs400AndChargesNothing() {
		String order = this.free.id().toString();
		for (String body : List.of(
				"{\"orderId\": \"" + order
						+ "\", \"paymentMethod\": \"pm_card_chargeDeclined\", \"paymentMethod\": \"pm_card_visa\"}",
				"{\"orderId\": \"" + order + "\", \"paymentMethod\": \"pm_card_visa\", \"orderId\": \""
						+ this.existing.path("orderId").asString() + "\"}")) {
			JsonNode problem = assertRefused(submit(body), 400, "malformed_request");
			assertThat(problem.path("detail").asString()).isEqualTo("The request body has a field more than once.");
		}
	}

	@Test
	void malformedJsonIs400() {
		String valid = body(this.free.id().toString(), "pm_card_visa");
		for (String body : List.of("{\"orderId\": ", "not json at all", "{orderId: 1}", valid + " trailing",
				valid + valid, "[" + valid + "]", "\"pm_card_visa\"", "42", "null", "")) {
			JsonNode problem = assertRefused(submit(body), 400, "malformed_request");
			assertThat(problem.toString()).doesNotContain("tools.jackson", "dev.ticketing", "Exception");
		}
		assertRefused(this.http.post("/api/payments", BodyPublishers.noBody(), TestHttp.with(bearer(this.buyer), JSON)),
				400, "malformed_request");
	}

	@Test
	void aWrongContentTypeIs415() {
		String body = body(this.free.id().toString(), "pm_card_visa");
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml")) {
			assertRefused(
					this.http.post("/api/payments", BodyPublishers.ofString(body),
							TestHttp.with(bearer(this.buyer), "Content-Type", contentType)),
					415, "unsupported_media_type");
		}
	}

	@Test
	void aBodyOver64KiBIs413() {
		String huge = TestHttp.json(Map.of("orderId", this.free.id().toString(), "paymentMethod", "pm_card_visa",
				"padding", "x".repeat(70 * 1024)));

		assertRefused(submit(huge), 413, "payload_too_large");
		assertRefused(
				this.http.post("/api/payments", TestHttp.chunked(utf8(huge)), TestHttp.with(bearer(this.buyer), JSON)),
				413, "payload_too_large");
	}

	// The Idempotency-Key header

	@Test
	void aMalformedIdempotencyKeyIs400() {
		for (String key : List.of("", "has space", "x".repeat(256), "tab\tinside")) {
			assertInvalid(submit(body(this.free.id().toString(), "pm_card_visa"), "Idempotency-Key", key),
					"Idempotency-Key");
		}
	}

	// Routes, methods, query parameters, ids in paths

	@Test
	void anUnknownRouteIs404() {
		String body = body(this.free.id().toString(), "pm_card_visa");
		assertRefused(this.http.get("/api/payment", bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.postJson("/api/payments/", body, bearer(this.buyer)), 404, "not_found");
		assertRefused(
				this.http.get("/api/payments/" + this.existing.path("id").asString() + "/extra", bearer(this.buyer)),
				404, "not_found");
		// With the simulated provider there is no Stripe webhook.
		assertRefused(this.http.postJson("/api/payments/webhooks/stripe", "{}"), 404, "not_found");
	}

	@Test
	void aWrongMethodIs405() {
		String body = body(this.free.id().toString(), "pm_card_visa");
		Response put = this.http.send("PUT", "/api/payments", BodyPublishers.ofString(body),
				TestHttp.with(bearer(this.buyer), JSON));
		assertRefused(put, 405, "method_not_allowed");
		assertThat(put.header("Allow")).hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "POST"));
		assertRefused(this.http.send("DELETE", "/api/payments/" + this.existing.path("id").asString(),
				BodyPublishers.noBody(), bearer(this.buyer)), 405, "method_not_allowed");
	}

	@Test
	void badQueryParametersAre400() {
		assertBadQuery("page=-1", "page");
		assertBadQuery("size=0", "size");
		assertBadQuery("size=101", "size");
		assertBadQuery("page=abc", "page");
		assertBadQuery("orderId=not-a-uuid", "orderId");
		assertBadQuery("orderId=" + this.free.id() + "0", "orderId");
	}

	@Test
	void aMalformedPaymentIdIs404LikeAnUnknownOne() {
		String id = this.existing.path("id").asString();
		for (String malformed : List.of("not-a-uuid", "12345", id + "0", id.substring(1), "%20" + id, "null")) {
			assertRefused(this.http.get("/api/payments/" + malformed, bearer(this.buyer)), 404, "payment_not_found");
		}
	}

	// Tokens and CSRF

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void aBadTokenIs401OnEveryRoute(String name, Function<UUID, String> token) {
		String bad = token.apply(this.buyer);
		String[] bearer = { "Authorization", "Bearer " + bad };
		String[] cookie = { "Cookie", "session=" + bad, "Origin", "http://localhost:3000" };
		String body = body(this.free.id().toString(), "pm_card_visa");
		for (String[] credentials : List.of(bearer, cookie)) {
			assertRefused(this.http.postJson("/api/payments", body, credentials), 401, "unauthenticated");
			assertRefused(this.http.get("/api/payments", credentials), 401, "unauthenticated");
			assertRefused(this.http.get("/api/payments/" + this.existing.path("id").asString(), credentials), 401,
					"unauthenticated");
		}
	}

	@Test
	void aCrossSitePaymentByCookieIs403() {
		String session = bearer(this.buyer)[1].substring("Bearer ".length());
		String body = body(this.free.id().toString(), "pm_card_visa");

		assertRefused(this.http.postJson("/api/payments", body, "Cookie", "session=" + session, "Origin",
				"https://evil.example"), 403, "csrf_rejected");
		assertRefused(this.http.postJson("/api/payments", body, "Cookie", "session=" + session, "Sec-Fetch-Site",
				"cross-site"), 403, "csrf_rejected");
	}

	// Helpers

	private Response submit(String body, String... headers) {
		return this.http.postJson("/api/payments", body, TestHttp.with(bearer(this.buyer), headers));
	}

	private static String body(String orderId, String paymentMethod) {
		return TestHttp.json(Map.of("orderId", orderId, "paymentMethod", paymentMethod));
	}

	private JsonNode assertInvalid(Response response, String... fields) {
		JsonNode problem = assertRefused(response, 400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).containsExactly(fields);
		assertThat(response.body()).doesNotContain("dev.ticketing", "jakarta", "Exception", "PaymentRequest");
		return problem;
	}

	private JsonNode assertRefused(Response response, int status, String code) {
		JsonNode problem = response.assertProblem(status, code);
		assertNothingChanged();
		return problem;
	}

	private void assertBadQuery(String query, String... fields) {
		JsonNode problem = this.http.get("/api/payments?" + query, bearer(this.buyer))
			.assertProblem(400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(query).containsExactly(fields);
	}

	/**
	 * The free order has no payment and no event, nothing more was charged, and the
	 * buyer's one payment is unchanged.
	 */
	private void assertNothingChanged() {
		assertThat(payments(this.free.id())).isZero();
		assertThat(totalCharges()).isEqualTo(this.chargesBefore);
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + this.free.id() + "%")
			.query(Long.class)
			.single()).isZero();
		Response existing = this.http.get("/api/payments/" + this.existing.path("id").asString(), bearer(this.buyer));
		assertThat(existing.json()).isEqualTo(this.existing);
	}

	/** Charges that took money; a refused request asks the provider for none. */
	private double totalCharges() {
		return charges("succeeded");
	}

}
