package dev.ticketing.tickets.pass;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.security.Roles;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on the passes' routes: each is a problem response, and nothing is stored or
 * published.
 */
class PassesBadInputIntegrationTests extends TicketsIntegrationTest {

	UUID buyer;

	String ticketId;

	JsonNode pass;

	@BeforeEach
	void aHeldTicket() {
		this.buyer = UUID.randomUUID();
		this.ticketId = createTicket(UUID.randomUUID()).path("id").asString();
		sellTo(this.ticketId, this.buyer);
		this.pass = passOf(this.buyer, this.ticketId);
	}

	@Test
	void aResaleNeedsAPriceWithinRange() {
		assertInvalid(resale("{}"), "price");
		assertInvalid(resale("{\"price\": null}"), "price");
		assertInvalid(resale("{\"price\": 0}"), "price");
		assertInvalid(resale("{\"price\": 100000001}"), "price");
		assertInvalid(resale("{\"price\": 100, \"description\": \"" + "d".repeat(2001) + "\"}"), "description");
		assertInvalid(resale("{\"price\": 100, \"description\": \"a\\u0000b\"}"), "description");
	}

	@Test
	void aResaleBodyThatIsNotWellFormedIsMalformed() {
		for (String body : new String[] { "{\"price\": \"100\"}", "{\"price\": 12.5}", "{\"price\": true}",
				"{\"price\": 100, \"description\": 7}", "{\"price\": 100", "[]", "\"price\"", "{\"price\": 100} x",
				"{\"price\": 100, \"price\": 200}" }) {
			resale(body).assertProblem(400, "malformed_request");
			assertNothingChanged();
		}
	}

	@Test
	void aResaleBodyOver64KiBIs413() {
		resale("{\"price\": 100, \"description\": \"" + "d".repeat(70_000) + "\"}").assertProblem(413,
				"payload_too_large");
		assertNothingChanged();
	}

	@Test
	void aCheckInNeedsACodeOfTheRightType() {
		assertInvalid(checkInBody("{}"), "code");
		assertInvalid(checkInBody("{\"code\": null}"), "code");
		for (String body : new String[] { "{\"code\": 12}", "{\"code\": [\"a\"]}", "{\"code\": {}}", "{\"code\": ",
				"{\"code\": \"a\", \"code\": \"b\"}" }) {
			checkInBody(body).assertProblem(400, "malformed_request");
		}
		checkInBody("{\"code\": \"" + "x".repeat(70_000) + "\"}").assertProblem(413, "payload_too_large");
		assertNothingChanged();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void aBadTokenIs401OnEveryNewRoute(String name, Function<UUID, String> token) {
		String[] auth = { "Authorization", "Bearer " + token.apply(this.buyer) };
		this.http.get("/api/tickets/held", auth).assertProblem(401, "unauthenticated");
		this.http.get("/api/tickets/" + this.ticketId + "/pass", auth).assertProblem(401, "unauthenticated");
		this.http.postJson("/api/tickets/" + this.ticketId + "/resale", "{\"price\": 100}", auth)
			.assertProblem(401, "unauthenticated");
		this.http
			.postJson("/api/tickets/checkins",
					TestHttp.json(java.util.Map.of("code", this.pass.path("code").asString())), auth)
			.assertProblem(401, "unauthenticated");
		assertNothingChanged();
	}

	@Test
	void badPagingOfHeldTicketsIs400() {
		for (String query : new String[] { "page=-1", "size=0", "size=1000", "page=x" }) {
			this.http.get("/api/tickets/held?" + query, bearer(this.buyer)).assertProblem(400, "validation_failed");
		}
	}

	@Test
	void theJwksIsPublicAndHoldsOnlyPublicKeys() {
		Response jwks = this.http.get("/api/tickets/.well-known/jwks.json");
		assertThat(jwks.status()).isEqualTo(200);
		assertThat(jwks.header("Cache-Control").orElse("")).contains("max-age=300");
		JsonNode key = jwks.json().path("keys").get(0);
		assertThat(key.path("kty").asString()).isEqualTo("OKP");
		assertThat(key.path("crv").asString()).isEqualTo("Ed25519");
		assertThat(key.path("alg").asString()).isEqualTo("EdDSA");
		assertThat(key.has("d")).isFalse();
	}

	private Response resale(String body) {
		return this.http.send("POST", "/api/tickets/" + this.ticketId + "/resale", BodyPublishers.ofString(body),
				TestHttp.with(bearer(this.buyer), "Content-Type", "application/json"));
	}

	private Response checkInBody(String body) {
		return this.http.send("POST", "/api/tickets/checkins", BodyPublishers.ofString(body), "Authorization",
				TestTokens.bearer(UUID.randomUUID(), Roles.DOOR), "Content-Type", "application/json");
	}

	private void assertInvalid(Response response, String... fields) {
		JsonNode problem = response.assertProblem(400, "validation_failed");
		assertThat(problem.path("errors").findValuesAsString("field")).as(response.body()).containsExactly(fields);
		assertNothingChanged();
	}

	/**
	 * The pass is as it was, the ticket has no resale listing, and no event about it was
	 * added.
	 */
	private void assertNothingChanged() {
		assertThat(passOf(this.buyer, this.ticketId)).isEqualTo(this.pass);
		assertThat(this.jdbc.sql("SELECT count(*) FROM tickets WHERE resold_from = ?")
			.param(UUID.fromString(this.ticketId))
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%\"resoldFrom\":\"" + this.ticketId + "\"%")
			.query(Long.class)
			.single()).isZero();
	}

}
