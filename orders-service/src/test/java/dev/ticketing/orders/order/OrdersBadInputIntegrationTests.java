package dev.ticketing.orders.order;

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
import dev.ticketing.orders.OrdersIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request to {@code /api/orders} gets its problem response (DESIGN §2)
 * and changes nothing: no order is stored, the buyer's existing order is unchanged, no
 * event is written.
 */
class OrdersBadInputIntegrationTests extends OrdersIntegrationTest {

	private static final String[] JSON = { "Content-Type", "application/json" };

	UUID buyer;

	UUID seller;

	/** A ticket with no order, the target of the test's bad requests. */
	UUID free;

	/** The buyer's order of another ticket, as it was before the test's bad requests. */
	JsonNode existing;

	String id;

	@BeforeEach
	void setUp() {
		this.buyer = UUID.randomUUID();
		this.seller = UUID.randomUUID();
		this.existing = placedOrder(this.buyer, listedTicket(this.seller));
		this.id = this.existing.path("id").asString();
		this.free = listedTicket(this.seller);
	}

	// ticketId: 400 validation_failed naming the field, or malformed_request for the
	// wrong JSON type

	@Test
	void aMissingTicketIdIs400() {
		assertInvalid(place("{}"), "ticketId");
		assertInvalid(place(TestHttp.json(Map.of("ticket", this.free.toString()))), "ticketId");
		assertInvalid(place(TestHttp.json(Map.of("ticketID", this.free.toString()))), "ticketId");
	}

	@Test
	void aNullTicketIdIs400() {
		assertInvalid(place("{\"ticketId\": null}"), "ticketId");
	}

	@Test
	void aTicketIdThatIsNotAUuidIs400() {
		String free = this.free.toString();
		for (String ticketId : List.of("", " ", "not-a-uuid", "12345", "1-1-1-1-1", free + "0", free.substring(1),
				free.replace("-", ""), " " + free, free + " ", "{" + free + "}", "urn:uuid:" + free,
				free.replace('a', 'g').replace('0', 'g'), free.substring(0, 35) + "\u0000")) {
			JsonNode problem = assertInvalid(place(TestHttp.json(Map.of("ticketId", ticketId))), "ticketId");
			assertThat(problem.path("errors").get(0).path("message").asString()).as(ticketId).isNotBlank();
		}
	}

	@Test
	void aTicketIdOfTheWrongJsonTypeIsMalformed() {
		String free = this.free.toString();
		for (Object ticketId : List.of(42, 0, 1.5, true, false, List.of(free), Map.of("id", free))) {
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("ticketId", ticketId);
			JsonNode problem = assertRefused(place(TestHttp.json(body)), 400, "malformed_request");
			assertThat(problem.path("detail").asString()).as("ticketId %s", ticketId).contains("ticketId");
		}
		assertRefused(place("{\"ticketId\": 123456789012345678901234567890}"), 400, "malformed_request");
	}

	@Test
	void validationProblemsRevealNoInternals() {
		Response response = place(TestHttp.json(Map.of("ticketId", "nope")));

		JsonNode problem = assertInvalid(response, "ticketId");
		assertThat(problem.path("errors")).allSatisfy((error) -> {
			assertThat(error.propertyNames()).containsExactlyInAnyOrder("field", "message");
			assertThat(error.path("message").asString()).isNotBlank();
		});
		assertThat(response.body()).doesNotContain("dev.ticketing", "jakarta", "Exception", "OrderRequest",
				"[0-9a-fA-F]");
	}

	// Bodies that cannot be read

	@Test
	void aFieldGivenTwiceIs400AndPlacesNoOrder() {
		String free = this.free.toString();
		String other = listedTicket(this.seller).toString();
		for (String body : List.of("{\"ticketId\": \"" + free + "\", \"ticketId\": \"" + other + "\"}",
				"{\"ticketId\": \"" + other + "\", \"ticketId\": \"" + free + "\"}",
				"{\"ticketId\": \"" + free + "\", \"ticketId\": \"" + free + "\"}")) {
			JsonNode problem = assertRefused(place(body), 400, "malformed_request");
			assertThat(problem.path("detail").asString()).isEqualTo("The request body has a field more than once.");
		}
	}

	@Test
	void malformedJsonIs400() {
		String valid = TestHttp.json(Map.of("ticketId", this.free.toString()));
		for (String body : List.of("{\"ticketId\": ", "not json at all", "{ticketId: \"" + this.free + "\"}",
				"{\"ticketId\": \"" + this.free + "\",}", "{'ticketId': '" + this.free + "'}", "{\"ticketId\"}")) {
			JsonNode problem = assertRefused(place(body), 400, "malformed_request");
			assertThat(problem.toString()).doesNotContain("tools.jackson", "dev.ticketing", "Exception");
		}
		assertRefused(place(valid + " trailing"), 400, "malformed_request");
		assertRefused(place(valid + "}"), 400, "malformed_request");
		assertRefused(place(valid + valid), 400, "malformed_request");
		assertRefused(place(valid + ", {}"), 400, "malformed_request");
	}

	@Test
	void aBodyThatIsNotAJsonObjectIs400() {
		String valid = TestHttp.json(Map.of("ticketId", this.free.toString()));
		for (String body : List.of("[]", "[" + valid + "]", "\"" + this.free + "\"", "42", "true", "null")) {
			assertRefused(place(body), 400, "malformed_request");
		}
	}

	@Test
	void aMissingBodyIs400() {
		assertRefused(this.http.post("/api/orders", BodyPublishers.noBody(), TestHttp.with(bearer(this.buyer), JSON)),
				400, "malformed_request");
		assertRefused(place(""), 400, "malformed_request");
		assertRefused(place("   "), 400, "malformed_request");
	}

	@Test
	void aWrongContentTypeIs415() {
		String body = TestHttp.json(Map.of("ticketId", this.free.toString()));
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
				"multipart/form-data; boundary=x")) {
			assertRefused(
					this.http.post("/api/orders", BodyPublishers.ofString(body),
							TestHttp.with(bearer(this.buyer), "Content-Type", contentType)),
					415, "unsupported_media_type");
		}
		assertRefused(this.http.post("/api/orders", BodyPublishers.ofString(body), bearer(this.buyer)), 415,
				"unsupported_media_type");
	}

	@Test
	void aBodyOver64KiBIs413() {
		String huge = TestHttp.json(Map.of("ticketId", this.free.toString(), "padding", "x".repeat(70 * 1024)));

		assertRefused(place(huge), 413, "payload_too_large");
		// Without a Content-Length (chunked), the limit is enforced while reading.
		assertRefused(
				this.http.post("/api/orders", TestHttp.chunked(utf8(huge)), TestHttp.with(bearer(this.buyer), JSON)),
				413, "payload_too_large");
	}

	@Test
	void theBodyLimitIsExactly64KiB() {
		String atLimit = bodyOfLength("not-a-uuid", 64 * 1024);
		String overLimit = bodyOfLength(this.free.toString(), 64 * 1024 + 1);

		// At the limit the body is read, and its ticketId is refused.
		assertInvalid(place(atLimit), "ticketId");
		assertRefused(place(overLimit), 413, "payload_too_large");
		assertRefused(this.http.post("/api/orders", TestHttp.chunked(utf8(overLimit)),
				TestHttp.with(bearer(this.buyer), JSON)), 413, "payload_too_large");
	}

	// Routes and methods

	@Test
	void anUnknownRouteIs404() {
		String body = TestHttp.json(Map.of("ticketId", this.free.toString()));
		assertRefused(this.http.get("/api/orders/" + this.id + "/extra", bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.get("/api/order", bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.get("/api/orders/", bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.get("/api/orders/" + this.id + "/", bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.postJson("/api/orders/", body, bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.get("/api/nothing/here"), 404, "not_found");
		assertRefused(this.http.postJson("/api/order", body, bearer(this.buyer)), 404, "not_found");
		assertRefused(this.http.postJson("/api/orders/" + this.id + "/extra", body, bearer(this.buyer)), 404,
				"not_found");
		assertRefused(this.http.send("DELETE", "/api/orders/" + this.id + "/extra", BodyPublishers.noBody(),
				bearer(this.buyer)), 404, "not_found");
	}

	@Test
	void aWrongMethodIs405() {
		String body = TestHttp.json(Map.of("ticketId", this.free.toString()));

		Response postOnOrder = this.http.postJson("/api/orders/" + this.id, body, bearer(this.buyer));
		assertRefused(postOnOrder, 405, "method_not_allowed");
		assertThat(postOnOrder.header("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "DELETE").doesNotContain("POST"));

		Response deleteAll = this.http.send("DELETE", "/api/orders", BodyPublishers.noBody(), bearer(this.buyer));
		assertRefused(deleteAll, 405, "method_not_allowed");
		assertThat(deleteAll.header("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "POST").doesNotContain("DELETE"));

		assertRefused(this.http.send("PUT", "/api/orders", BodyPublishers.ofString(body),
				TestHttp.with(bearer(this.buyer), JSON)), 405, "method_not_allowed");
		assertRefused(this.http.send("PUT", "/api/orders/" + this.id, BodyPublishers.ofString(body),
				TestHttp.with(bearer(this.buyer), JSON)), 405, "method_not_allowed");
		assertRefused(this.http.send("PATCH", "/api/orders/" + this.id,
				BodyPublishers.ofString("{\"status\": \"cancelled\"}"), TestHttp.with(bearer(this.buyer), JSON)), 405,
				"method_not_allowed");
	}

	// Query parameters of the list

	@Test
	void badPagingIs400() {
		assertBadQuery("page=-1", "page");
		assertBadQuery("size=0", "size");
		assertBadQuery("size=-5", "size");
		assertBadQuery("size=101", "size");
		assertBadQuery("page=abc", "page");
		assertBadQuery("size=abc", "size");
		assertBadQuery("page=1.5", "page");
		assertBadQuery("page=99999999999", "page");
		assertBadQuery("page=-1&size=101", "page", "size");
	}

	@Test
	void pagingAtItsLimitsIsAccepted() {
		for (String query : List.of("size=1", "size=100", "page=0", "page=2147483647&size=100")) {
			Response response = this.http.get("/api/orders?" + query, bearer(this.buyer));
			assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(200);
			assertThat(response.json().path("totalItems").asLong()).isEqualTo(1);
		}
	}

	// Ids in paths

	@Test
	void aMalformedIdInAPathIs404LikeAnUnknownOne() {
		for (String malformed : List.of("not-a-uuid", "12345", "1-1-1-1-1", this.id + "0", this.id.substring(1),
				this.id.replace("-", ""), "%20" + this.id, this.id + "%20", "%7B" + this.id + "%7D", "null",
				"undefined")) {
			assertRefused(this.http.get("/api/orders/" + malformed, bearer(this.buyer)), 404, "order_not_found");
			assertRefused(
					this.http.send("DELETE", "/api/orders/" + malformed, BodyPublishers.noBody(), bearer(this.buyer)),
					404, "order_not_found");
		}
		assertRefused(this.http.get("/api/orders/" + UUID.randomUUID(), bearer(this.buyer)), 404, "order_not_found");
		assertRefused(this.http.send("DELETE", "/api/orders/" + UUID.randomUUID(), BodyPublishers.noBody(),
				bearer(this.buyer)), 404, "order_not_found");
	}

	// Tokens

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void aBadTokenIs401OnEveryRoute(String name, Function<UUID, String> token) {
		String bad = token.apply(this.buyer);
		String[] bearer = { "Authorization", "Bearer " + bad };
		String[] cookie = { "Cookie", "session=" + bad, "Origin", "http://localhost:3000" };
		String body = TestHttp.json(Map.of("ticketId", this.free.toString()));
		for (String[] credentials : List.of(bearer, cookie)) {
			assertRefused(this.http.postJson("/api/orders", body, credentials), 401, "unauthenticated");
			assertRefused(this.http.get("/api/orders", credentials), 401, "unauthenticated");
			assertRefused(this.http.get("/api/orders/" + this.id, credentials), 401, "unauthenticated");
			assertRefused(this.http.send("DELETE", "/api/orders/" + this.id, BodyPublishers.noBody(), credentials), 401,
					"unauthenticated");
		}
	}

	// Helpers

	private Response place(String body) {
		return this.http.postJson("/api/orders", body, bearer(this.buyer));
	}

	/**
	 * {@code {"ticketId": ..., "padding": "xxx…"}} padded to exactly {@code length}
	 * bytes; the unknown {@code padding} field is ignored.
	 */
	private static String bodyOfLength(String ticketId, int length) {
		String empty = TestHttp.json(Map.of("ticketId", ticketId, "padding", ""));
		String body = TestHttp.json(Map.of("ticketId", ticketId, "padding", "x".repeat(length - utf8(empty).length)));
		assertThat(utf8(body)).hasSize(length);
		return body;
	}

	private JsonNode assertInvalid(Response response, String... fields) {
		JsonNode problem = assertRefused(response, 400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).containsExactly(fields);
		return problem;
	}

	private JsonNode assertRefused(Response response, int status, String code) {
		JsonNode problem = response.assertProblem(status, code);
		assertNothingChanged();
		return problem;
	}

	private void assertBadQuery(String query, String... fields) {
		JsonNode problem = this.http.get("/api/orders?" + query, bearer(this.buyer))
			.assertProblem(400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(query).containsExactly(fields);
	}

	/**
	 * The free ticket still has no order, and the buyer still has exactly the one order,
	 * unchanged, with no event about it but its creation.
	 */
	private void assertNothingChanged() {
		assertThat(ordersFor(this.free)).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM orders WHERE user_id = ?")
			.param(this.buyer)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(order(this.buyer, this.id)).isEqualTo(this.existing);
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + this.id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + this.free + "%")
			.query(Long.class)
			.single()).isZero();
	}

}
