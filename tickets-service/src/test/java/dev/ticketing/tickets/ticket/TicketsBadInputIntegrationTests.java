package dev.ticketing.tickets.ticket;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of bad request to {@code /api/tickets} gets its problem response (DESIGN §2)
 * and changes nothing: no ticket is stored, no listing is changed, no event is written.
 */
class TicketsBadInputIntegrationTests extends TicketsIntegrationTest {

	private static final String PAST = "2020-01-01T00:00:00Z";

	UUID seller;

	/** A ticket of {@link #seller}'s, as it was before the test's bad requests. */
	JsonNode existing;

	String id;

	@BeforeEach
	void setUp() {
		this.seller = UUID.randomUUID();
		this.existing = createTicket(this.seller);
		this.id = this.existing.path("id").asString();
	}

	// Field validation: 400 validation_failed naming the field

	@Test
	void faceValueIsBetween1And100000000() {
		assertInvalid(create(TestHttp.json(listing("faceValue", 0))), "faceValue");
		assertInvalid(create(TestHttp.json(listing("faceValue", 100_000_001))), "faceValue");
		assertRefused(create(TestHttp.json(listing("faceValue", "12500"))), 400, "malformed_request");
	}

	@Test
	void aPriceAboveTheCapIsRefusedAndTheCapItselfIsNot() {
		JsonNode aboveCap = assertRefused(create(TestHttp.json(listing("price", 12_001, "faceValue", 10_000))), 400,
				"price_above_cap");
		assertThat(aboveCap.path("detail").asString()).contains("at most 12000");
		assertRefused(update(listing("price", 15_001)), 400, "price_above_cap");
		Response atCap = create(TestHttp.json(listing("price", 12_000, "faceValue", 10_000)));
		assertThat(atCap.status()).as(atCap.body()).isEqualTo(201);
		assertThat(atCap.json().path("faceValue").asLong()).isEqualTo(10_000);
		Response updatedToCap = update(listing("price", 15_000));
		assertThat(updatedToCap.status()).as(updatedToCap.body()).isEqualTo(200);
		assertThat(updatedToCap.json().path("faceValue").asLong()).isEqualTo(12_500);
	}

	@Test
	void theFaceValueCannotBeChangedByAnUpdate() {
		assertInvalid(update(listing("faceValue", 20_000)), "faceValue");
		Response sameFaceValue = update(listing("faceValue", 12_500, "price", 12_000));
		assertThat(sameFaceValue.status()).as(sameFaceValue.body()).isEqualTo(200);
		assertThat(sameFaceValue.json().path("faceValue").asLong()).isEqualTo(12_500);
	}

	@Test
	void titleIsRequiredNonBlankAndAtMost120Characters() {
		assertInvalidEverywhere(without("title"), "title");
		assertInvalidEverywhere(listing("title", null), "title");
		assertInvalidEverywhere(listing("title", ""), "title");
		assertInvalidEverywhere(listing("title", "   \t\n "), "title");
		assertInvalidEverywhere(listing("title", "t".repeat(121)), "title");
		assertInvalidEverywhere(listing("title", " " + "t".repeat(120)), "title");
	}

	@Test
	void priceIsRequiredAndBetween1And100000000() {
		assertInvalidEverywhere(without("price"), "price");
		assertInvalidEverywhere(listing("price", null), "price");
		assertInvalidEverywhere(listing("price", 0), "price");
		assertInvalidEverywhere(listing("price", -1), "price");
		assertInvalidEverywhere(listing("price", 100_000_001), "price");
		assertInvalidEverywhere(listing("price", Long.MAX_VALUE), "price");
	}

	@Test
	void priceOfTheWrongJsonTypeIsMalformed() {
		for (Object price : List.of(12.5, 12.0, "12", true, List.of(12), Map.of("amount", 12))) {
			JsonNode problem = assertRefusedEverywhere(TestHttp.json(listing("price", price)), 400,
					"malformed_request");
			assertThat(problem.path("detail").asString()).as("price %s", price).contains("price");
		}
		assertRefusedEverywhere(TestHttp.json(listing()).replace("12500", "1e3"), 400, "malformed_request");
		assertRefusedEverywhere(TestHttp.json(listing()).replace("12500", "123456789012345678901234567890"), 400,
				"malformed_request");
	}

	@Test
	void currencyIsThreeUpperCaseLetters() {
		for (String currency : List.of("usd", "US", "EURO", "", "U5D", "EU ", "ÉUR")) {
			assertInvalidEverywhere(listing("currency", currency), "currency");
		}
		JsonNode problem = assertRefusedEverywhere(TestHttp.json(listing("currency", 978)), 400, "malformed_request");
		assertThat(problem.path("detail").asString()).contains("currency");
	}

	@Test
	void descriptionIsAtMost2000Characters() {
		assertInvalidEverywhere(listing("description", "d".repeat(2001)), "description");
	}

	@Test
	void venueIsAtMost120Characters() {
		assertInvalidEverywhere(listing("venue", "v".repeat(121)), "venue");
	}

	@Test
	void eventAtIsInTheFuture() {
		assertInvalidEverywhere(listing("eventAt", PAST), "eventAt");
		assertInvalidEverywhere(listing("eventAt", Instant.now().minus(Duration.ofMinutes(1)).toString()), "eventAt");
	}

	@Test
	void eventAtThatIsNotAnInstantIsMalformed() {
		for (Object eventAt : List.of("not-a-date", "2030-13-45T00:00:00Z", "next tuesday", true)) {
			JsonNode problem = assertRefusedEverywhere(TestHttp.json(listing("eventAt", eventAt)), 400,
					"malformed_request");
			assertThat(problem.path("detail").asString()).as("eventAt %s", eventAt).contains("eventAt");
		}
	}

	@Test
	void textFieldsOfTheWrongJsonTypeAreMalformed() {
		for (String field : List.of("title", "description", "venue")) {
			for (Object value : List.of(42, true, List.of("a"), Map.of("a", "b"))) {
				JsonNode problem = assertRefusedEverywhere(TestHttp.json(listing(field, value)), 400,
						"malformed_request");
				assertThat(problem.path("detail").asString()).as("%s %s", field, value).contains(field);
			}
		}
	}

	@Test
	void versionOnUpdateIsAtLeast1() {
		assertInvalid(update(listing("version", 0)), "version");
		assertInvalid(update(listing("version", -1)), "version");
		assertUnchanged();
		for (Object version : List.of("1", 1.5, true)) {
			JsonNode problem = update(listing("version", version)).assertProblem(400, "malformed_request");
			assertThat(problem.path("detail").asString()).contains("version");
			assertUnchanged();
		}
	}

	@Test
	void everyInvalidFieldIsReportedAtOnceInFieldOrder() {
		Map<String, Object> everything = listing("title", " ", "price", 0, "currency", "eur", "description",
				"d".repeat(2001), "venue", "v".repeat(121), "eventAt", PAST);

		Response created = create(TestHttp.json(everything));
		Response updated = update(listing("title", " ", "price", 0, "currency", "eur", "description", "d".repeat(2001),
				"venue", "v".repeat(121), "eventAt", PAST, "version", 0));

		assertInvalid(created, "currency", "description", "eventAt", "price", "title", "venue");
		assertInvalid(updated, "currency", "description", "eventAt", "price", "title", "venue", "version");
		assertInvalid(create("{}"), "price", "title");
		assertNothingChanged();
	}

	@Test
	void validationProblemsRevealNoInternals() {
		Response response = create(TestHttp.json(listing("price", 0, "currency", "usd")));

		assertInvalid(response, "currency", "price");
		assertThat(response.json().path("errors")).allSatisfy((error) -> {
			assertThat(error.propertyNames()).containsExactlyInAnyOrder("field", "message");
			assertThat(error.path("message").asString()).isNotBlank();
		});
		assertThat(response.body()).doesNotContain("dev.ticketing", "jakarta", "Exception", "TicketRequest");
	}

	// Bodies that cannot be read

	@Test
	void malformedJsonIs400() {
		String valid = TestHttp.json(listing());
		for (String body : List.of("{\"title\": ", "not json at all", "{title: \"x\", price: 1}",
				"{\"title\": \"x\", \"price\": 1,}", "{'title': 'x', 'price': 1}")) {
			JsonNode problem = assertRefusedEverywhere(body, 400, "malformed_request");
			assertThat(problem.toString()).doesNotContain("tools.jackson", "dev.ticketing", "Exception");
		}
		assertRefusedEverywhere(valid + " trailing", 400, "malformed_request");
		assertRefusedEverywhere(valid + "}", 400, "malformed_request");
		assertRefusedEverywhere(valid + valid, 400, "malformed_request");
	}

	@Test
	void aFieldGivenTwiceIs400() {
		String valid = TestHttp.json(listing());
		for (String twice : List.of("\"title\": \"Someone else's title\"", "\"price\": 1", "\"price\": 12500",
				"\"currency\": \"USD\"")) {
			String body = valid.substring(0, valid.length() - 1) + ", " + twice + "}";
			JsonNode problem = assertRefusedEverywhere(body, 400, "malformed_request");
			assertThat(problem.path("detail").asString()).isEqualTo("The request body has a field more than once.");
		}
	}

	@Test
	void aBodyThatIsNotAJsonObjectIs400() {
		for (String body : List.of("[]", "[" + TestHttp.json(listing()) + "]", "\"a string\"", "42", "true", "null")) {
			assertRefusedEverywhere(body, 400, "malformed_request");
		}
	}

	@Test
	void aMissingBodyIs400() {
		assertRefused(this.http.post("/api/tickets", BodyPublishers.noBody(), TestHttp.with(bearer(this.seller), JSON)),
				400, "malformed_request");
		assertRefused(send("PUT", BodyPublishers.noBody(), TestHttp.with(bearer(this.seller), JSON)), 400,
				"malformed_request");
		assertRefused(create(""), 400, "malformed_request");
	}

	@Test
	void aWrongContentTypeIs415() {
		String body = TestHttp.json(listing());
		for (String contentType : List.of("text/plain", "application/x-www-form-urlencoded", "application/xml",
				"multipart/form-data; boundary=x")) {
			assertRefused(
					this.http.post("/api/tickets", BodyPublishers.ofString(body),
							TestHttp.with(bearer(this.seller), "Content-Type", contentType)),
					415, "unsupported_media_type");
			assertRefused(
					send("PUT", BodyPublishers.ofString(body),
							TestHttp.with(bearer(this.seller), "Content-Type", contentType)),
					415, "unsupported_media_type");
		}
		assertRefused(this.http.post("/api/tickets", BodyPublishers.ofString(body), bearer(this.seller)), 415,
				"unsupported_media_type");
	}

	@Test
	void aBodyOver64KiBIs413() {
		String huge = TestHttp.json(listing("description", "x".repeat(70 * 1024)));

		assertRefused(create(huge), 413, "payload_too_large");
		assertRefused(update(huge), 413, "payload_too_large");
		// Without a Content-Length (chunked), the limit is enforced while reading.
		assertRefused(
				this.http.post("/api/tickets", TestHttp.chunked(utf8(huge)), TestHttp.with(bearer(this.seller), JSON)),
				413, "payload_too_large");
		assertRefused(send("PUT", TestHttp.chunked(utf8(huge)), TestHttp.with(bearer(this.seller), JSON)), 413,
				"payload_too_large");
	}

	@Test
	void theBodyLimitIsExactly64KiB() {
		String atLimit = bodyOfLength(64 * 1024);
		String overLimit = bodyOfLength(64 * 1024 + 1);

		// At the limit the body is read, and its description is too long.
		assertInvalid(create(atLimit), "description");
		assertRefused(create(overLimit), 413, "payload_too_large");
		assertRefused(this.http.post("/api/tickets", TestHttp.chunked(utf8(overLimit)),
				TestHttp.with(bearer(this.seller), JSON)), 413, "payload_too_large");
	}

	// Routes and methods

	@Test
	void anUnknownRouteIs404() {
		assertRefused(this.http.get("/api/tickets/" + this.id + "/extra"), 404, "not_found");
		assertRefused(this.http.get("/api/ticket"), 404, "not_found");
		assertRefused(this.http.get("/api/nothing/here"), 404, "not_found");
		assertRefused(
				this.http.postJson("/api/tickets/" + this.id + "/extra", TestHttp.json(listing()), bearer(this.seller)),
				404, "not_found");
		assertRefused(this.http.send("DELETE", "/api/tickets/" + this.id + "/extra", BodyPublishers.noBody(),
				bearer(this.seller)), 404, "not_found");
	}

	@Test
	void aWrongMethodIs405() {
		Response postOnTicket = this.http.postJson("/api/tickets/" + this.id, TestHttp.json(listing()),
				bearer(this.seller));
		assertRefused(postOnTicket, 405, "method_not_allowed");
		assertThat(postOnTicket.header("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "PUT", "DELETE").doesNotContain("POST"));

		Response deleteAll = this.http.send("DELETE", "/api/tickets", BodyPublishers.noBody(), bearer(this.seller));
		assertRefused(deleteAll, 405, "method_not_allowed");
		assertThat(deleteAll.header("Allow"))
			.hasValueSatisfying((allow) -> assertThat(allow).contains("GET", "POST").doesNotContain("DELETE"));

		assertRefused(this.http.send("PUT", "/api/tickets", BodyPublishers.ofString(TestHttp.json(listing())),
				TestHttp.with(bearer(this.seller), JSON)), 405, "method_not_allowed");
		assertRefused(this.http.send("PATCH", "/api/tickets/" + this.id,
				BodyPublishers.ofString(TestHttp.json(listing())), TestHttp.with(bearer(this.seller), JSON)), 405,
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
	void anUnknownStatusIs400() {
		assertBadQuery("status=bogus", "status");
		assertBadQuery("status=AVAILABLE", "status");
		assertBadQuery("status=available,sold", "status");
		assertBadQuery("status=open", "status");
	}

	@Test
	void aMalformedSellerIdIs400() {
		assertBadQuery("sellerId=not-a-uuid", "sellerId");
		assertBadQuery("sellerId=12345", "sellerId");
	}

	@Test
	void anOverlongQueryIs400() {
		assertBadQuery("q=" + "q".repeat(201), "q");
		Response atLimit = this.http.get("/api/tickets?q=" + "q".repeat(200));
		assertThat(atLimit.status()).as(atLimit.body()).isEqualTo(200);
	}

	@Test
	void aNulCharacterIsRefusedNotAServerError() {
		// PostgreSQL text cannot hold NUL; this used to fail in the database with a 500.
		assertInvalidEverywhere(listing("title", "nul\u0000byte"), "title");
		assertInvalidEverywhere(listing("description", "nul\u0000byte"), "description");
		assertInvalidEverywhere(listing("venue", "nul\u0000byte"), "venue");
		assertBadQuery("q=" + URLEncoder.encode("nul\u0000byte", StandardCharsets.UTF_8), "q");
	}

	@Test
	void anEventDateFromTheYear10000OnIsRefusedNotAServerError() {
		// PostgreSQL's timestamptz ends in the year 294276; this used to fail on insert
		// with a 500.
		assertInvalidEverywhere(listing("eventAt", "+300000-01-01T00:00:00Z"), "eventAt");
		assertInvalidEverywhere(listing("eventAt", "+10000-01-01T00:00:00Z"), "eventAt");
	}

	// Tokens

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void aBadTokenIs401OnEveryWrite(String name, Function<UUID, String> token) {
		String bad = token.apply(this.seller);
		String[] bearer = { "Authorization", "Bearer " + bad };
		String[] cookie = { "Cookie", "session=" + bad, "Origin", "http://localhost:3000" };
		for (String[] credentials : List.of(bearer, cookie)) {
			assertRefused(this.http.postJson("/api/tickets", TestHttp.json(listing()), credentials), 401,
					"unauthenticated");
			assertRefused(send("PUT", BodyPublishers.ofString(TestHttp.json(listing("title", "Changed"))),
					TestHttp.with(credentials, JSON)), 401, "unauthenticated");
			assertRefused(send("DELETE", BodyPublishers.noBody(), credentials), 401, "unauthenticated");
		}
		// Public routes carry on as if no token had been sent.
		Response shown = this.http.get("/api/tickets/" + this.id, bearer);
		assertThat(shown.status()).as(shown.body()).isEqualTo(200);
		assertThat(shown.json()).isEqualTo(this.existing);
		Response listed = this.http.get("/api/tickets?sellerId=" + this.seller, bearer);
		assertThat(listed.status()).as(listed.body()).isEqualTo(200);
	}

	// Helpers

	private static final String[] JSON = { "Content-Type", "application/json" };

	private Response create(String body) {
		return this.http.postJson("/api/tickets", body, bearer(this.seller));
	}

	private Response update(Object body) {
		return update(TestHttp.json(body));
	}

	private Response update(String body) {
		return send("PUT", BodyPublishers.ofString(body), TestHttp.with(bearer(this.seller), JSON));
	}

	private Response send(String method, BodyPublisher body, String... headers) {
		return this.http.send(method, "/api/tickets/" + this.id, body, headers);
	}

	private static Map<String, Object> without(String field) {
		Map<String, Object> body = listing();
		body.remove(field);
		return body;
	}

	/** A valid listing padded with a description to exactly {@code length} bytes. */
	private static String bodyOfLength(int length) {
		String empty = TestHttp.json(listing("description", ""));
		String body = TestHttp.json(listing("description", "x".repeat(length - utf8(empty).length)));
		assertThat(utf8(body)).hasSize(length);
		return body;
	}

	/**
	 * Refused with 400 validation_failed for these fields, as a new and as a changed
	 * listing.
	 */
	private void assertInvalidEverywhere(Map<String, Object> body, String... fields) {
		assertInvalid(create(TestHttp.json(body)), fields);
		assertInvalid(update(body), fields);
	}

	/** Refused with this problem as a new and as a changed listing. */
	private JsonNode assertRefusedEverywhere(String body, int status, String code) {
		JsonNode created = assertRefused(create(body), status, code);
		JsonNode updated = assertRefused(update(body), status, code);
		assertThat(updated.path("detail")).isEqualTo(created.path("detail"));
		return created;
	}

	private void assertInvalid(Response response, String... fields) {
		JsonNode problem = assertRefused(response, 400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).containsExactly(fields);
	}

	private JsonNode assertRefused(Response response, int status, String code) {
		JsonNode problem = response.assertProblem(status, code);
		assertNothingChanged();
		return problem;
	}

	private void assertBadQuery(String query, String... fields) {
		JsonNode problem = this.http.get("/api/tickets?" + query).assertProblem(400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(query).containsExactly(fields);
	}

	/**
	 * The seller still has exactly the one ticket, unchanged, and no event about it but
	 * its creation.
	 */
	private void assertNothingChanged() {
		assertThat(this.jdbc.sql("SELECT count(*) FROM tickets WHERE seller_id = ?")
			.param(this.seller)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertUnchanged();
	}

	private void assertUnchanged() {
		assertThat(ticket(this.id)).isEqualTo(this.existing);
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + this.id + "%")
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
