package dev.ticketing.tickets.pass;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Jwk;
import io.jsonwebtoken.security.Jwks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.payments.v1.PaymentRefunded;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.testing.ScrapedMetrics;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Passes over real HTTP, the real database and a real nats-server (DESIGN §2, "Pass"):
 * issued on {@code order.completed}, shown to their holder, resold, checked in once, and
 * voided by a resale or a support refund.
 */
class PassesIntegrationTests extends TicketsIntegrationTest {

	UUID seller;

	UUID buyer;

	@BeforeEach
	void people() {
		this.seller = UUID.randomUUID();
		this.buyer = UUID.randomUUID();
	}

	@Test
	void aSaleIssuesTheBuyerOneValidPassWhoseCodeTheJwksVerifies() {
		String ticketId = createTicket(this.seller).path("id").asString();
		UUID orderId = sellTo(ticketId, this.buyer);

		JsonNode pass = passOf(this.buyer, ticketId);
		assertThat(pass.path("ticketId").asString()).isEqualTo(ticketId);
		assertThat(pass.path("holderId").asString()).isEqualTo(this.buyer.toString());
		assertThat(pass.path("status").asString()).isEqualTo("valid");
		assertThat(pass.path("issuedAt").asString()).isNotBlank();
		assertThat(pass.path("checkedInAt").isNull()).isTrue();

		Response jwks = this.http.get("/api/tickets/.well-known/jwks.json");
		assertThat(jwks.status()).isEqualTo(200);
		Map<String, PublicKey> keys = publicKeys(jwks.json());
		Claims claims = Jwts.parser()
			.keyLocator((header) -> keys.get(((io.jsonwebtoken.JwsHeader) header).getKeyId()))
			.build()
			.parseSignedClaims(pass.path("code").asString())
			.getPayload();
		assertThat(claims.get("pid")).isEqualTo(pass.path("id").asString());
		assertThat(claims.get("tid")).isEqualTo(ticketId);
		assertThat(claims.getIssuedAt()).isNotNull();

		assertThat(this.jdbc.sql("SELECT order_id FROM passes WHERE ticket_id = ?")
			.param(UUID.fromString(ticketId))
			.query(UUID.class)
			.single()).isEqualTo(orderId);
		JsonNode held = this.http.get("/api/tickets/held", bearer(this.buyer)).json();
		assertThat(held.path("items")).hasSize(1);
		assertThat(held.path("items").get(0).path("ticket").path("id").asString()).isEqualTo(ticketId);
		assertThat(held.path("items").get(0).path("pass").path("code").asString())
			.isEqualTo(pass.path("code").asString());
	}

	@Test
	void aPassIsShownToItsHolderOnly() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);

		this.http.get("/api/tickets/" + ticketId + "/pass", bearer(this.seller)).assertProblem(404, "pass_not_found");
		this.http.get("/api/tickets/" + ticketId + "/pass").assertProblem(401, "unauthenticated");
		this.http.get("/api/tickets/held").assertProblem(401, "unauthenticated");
		this.http.get("/api/tickets/" + UUID.randomUUID() + "/pass", bearer(this.buyer))
			.assertProblem(404, "pass_not_found");
		this.http.get("/api/tickets/not-a-uuid/pass", bearer(this.buyer)).assertProblem(404, "pass_not_found");
		assertThat(this.http.get("/api/tickets/held", bearer(this.seller)).json().path("items")).isEmpty();
	}

	@Test
	void theSameCompletionDeliveredAgainOrDuplicatedIssuesOnePass() {
		String ticketId = createTicket(this.seller).path("id").asString();
		UUID orderId = sellTo(ticketId, this.buyer);
		Event<?> again = completed(orderId, this.buyer, ticketId);

		publish(again);
		publish(again, again.id() + "-redelivered");
		await().atMost(Duration.ofSeconds(15)).until(() -> processed(again));

		assertThat(passCount(ticketId)).isEqualTo(1);
		assertThat(this.http.get("/api/tickets/held", bearer(this.buyer)).json().path("items")).hasSize(1);
	}

	@Test
	void aResaleChainOfThreeOwnersLeavesExactlyOneAdmittingCode() {
		UUID second = UUID.randomUUID();
		UUID third = UUID.randomUUID();
		String first = createTicket(this.seller, "price", 10_000).path("id").asString();
		sellTo(first, this.buyer);
		String firstCode = passOf(this.buyer, first).path("code").asString();
		assertOneAdmittingPass(first);

		Response resale = resell(this.buyer, first, 12_000);
		assertThat(resale.status()).as(resale.body()).isEqualTo(201);
		String secondListing = resale.json().path("id").asString();
		assertThat(resale.header("Location")).hasValue("/api/tickets/" + secondListing);
		assertThat(resale.json().path("resoldFrom").asString()).isEqualTo(first);
		assertThat(resale.json().path("sellerId").asString()).isEqualTo(this.buyer.toString());
		assertThat(resale.json().path("faceValue").asLong()).isEqualTo(10_000);
		assertThat(passOf(this.buyer, first).path("status").asString()).isEqualTo("listed");
		assertThat(passOf(this.buyer, first).has("code")).isFalse();
		checkIn(firstCode).assertProblem(409, "ticket_listed");
		assertOneAdmittingPass(first);

		sellTo(secondListing, second);
		assertThat(passOf(this.buyer, first).path("status").asString()).isEqualTo("void");
		String secondCode = passOf(second, secondListing).path("code").asString();
		assertOneAdmittingPass(first);

		String thirdListing = resell(second, secondListing, 11_000).json().path("id").asString();
		sellTo(thirdListing, third);
		assertThat(passOf(second, secondListing).path("status").asString()).isEqualTo("void");
		String thirdCode = passOf(third, thirdListing).path("code").asString();
		assertOneAdmittingPass(first);

		checkIn(firstCode).assertProblem(409, "pass_void");
		checkIn(secondCode).assertProblem(409, "pass_void");
		Response admitted = checkIn(thirdCode);
		assertThat(admitted.status()).as(admitted.body()).isEqualTo(200);
		assertThat(admitted.json().path("pass").path("status").asString()).isEqualTo("used");
		assertThat(admitted.json().path("ticket").path("id").asString()).isEqualTo(thirdListing);
		assertThat(admitted.json().path("ticket").path("title").asString()).isEqualTo("Arctic Monkeys, floor standing");
		assertThat(passOf(third, thirdListing).path("status").asString()).isEqualTo("used");
		assertThat(this.jdbc.sql("SELECT count(*) FROM passes WHERE origin_id = ? AND status IN ('valid', 'listed')")
			.param(UUID.fromString(first))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void withdrawingAResaleListingGivesTheSellerTheirPassBack() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		String code = passOf(this.buyer, ticketId).path("code").asString();
		String resale = resell(this.buyer, ticketId, 12_500).json().path("id").asString();

		Response withdrawn = this.http.send("DELETE", "/api/tickets/" + resale,
				java.net.http.HttpRequest.BodyPublishers.noBody(), bearer(this.buyer));

		assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(204);
		JsonNode pass = passOf(this.buyer, ticketId);
		assertThat(pass.path("status").asString()).isEqualTo("valid");
		assertThat(pass.path("code").asString()).isEqualTo(code);
		assertThat(resell(this.buyer, ticketId, 12_000).status()).isEqualTo(201);
	}

	@Test
	void aResaleIsRefusedWithTheReasonOfThePass() {
		String ticketId = createTicket(this.seller, "price", 10_000).path("id").asString();
		sellTo(ticketId, this.buyer);

		resell(this.seller, ticketId, 10_000).assertProblem(403, "not_holder");
		resell(this.buyer, UUID.randomUUID().toString(), 10_000).assertProblem(404, "ticket_not_found");
		resell(this.buyer, "not-a-uuid", 10_000).assertProblem(404, "ticket_not_found");
		JsonNode aboveCap = resell(this.buyer, ticketId, 12_001).assertProblem(400, "price_above_cap");
		assertThat(aboveCap.path("detail").asString()).contains("12000");
		assertThat(resell(this.buyer, ticketId, 12_000).status()).isEqualTo(201);
		resell(this.buyer, ticketId, 10_000).assertProblem(409, "already_listed");

		String used = createTicket(this.seller).path("id").asString();
		sellTo(used, this.buyer);
		assertThat(checkIn(passOf(this.buyer, used).path("code").asString()).status()).isEqualTo(200);
		resell(this.buyer, used, 10_000).assertProblem(409, "already_checked_in");

		String refunded = createTicket(this.seller).path("id").asString();
		UUID order = sellTo(refunded, this.buyer);
		refund(order, "support");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> "void".equals(passOf(this.buyer, refunded).path("status").asString()));
		resell(this.buyer, refunded, 10_000).assertProblem(409, "pass_void");
	}

	@Test
	void aTicketWhoseEventHasTakenPlaceCannotBeResold() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		// The event takes place: listings cannot be made in the past, so time moves here.
		this.jdbc.sql("UPDATE tickets SET event_at = now() - interval '1 minute' WHERE id = ?")
			.param(UUID.fromString(ticketId))
			.update();

		resell(this.buyer, ticketId, 10_000).assertProblem(409, "event_over");
		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("valid");
	}

	@Test
	void aCheckInAdmitsOnceAndThenSaysWhen() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		String code = passOf(this.buyer, ticketId).path("code").asString();

		Response first = checkIn(code);
		assertThat(first.status()).as(first.body()).isEqualTo(200);
		String checkedInAt = first.json().path("pass").path("checkedInAt").asString();
		assertThat(first.json().path("pass").path("id").asString())
			.isEqualTo(passOf(this.buyer, ticketId).path("id").asString());
		assertThat(first.json().path("ticket").path("venue").asString()).isEqualTo("Ziggo Dome");

		JsonNode again = checkIn(code).assertProblem(409, "already_checked_in");
		assertThat(Instant.parse(again.path("checkedInAt").asString())).isEqualTo(Instant.parse(checkedInAt));
		JsonNode pass = passOf(this.buyer, ticketId);
		assertThat(pass.path("status").asString()).isEqualTo("used");
		assertThat(pass.has("code")).isFalse();
		assertThat(Instant.parse(pass.path("checkedInAt").asString())).isEqualTo(Instant.parse(checkedInAt));
	}

	@Test
	void passesIssuedAndCheckInsAdmittedAndRefusedAreCountedOnThePrometheusEndpoint() {
		ScrapedMetrics before = ScrapedMetrics.scrape(this.http);
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		String code = passOf(this.buyer, ticketId).path("code").asString();

		assertThat(checkIn(code).status()).isEqualTo(200);
		checkIn(code).assertProblem(409, "already_checked_in");
		checkIn("not-a-code").assertProblem(400, "code_invalid");

		ScrapedMetrics after = ScrapedMetrics.scrape(this.http);
		assertThat(after.value("ticketing_tickets_passes_issued_total"))
			.isEqualTo(before.value("ticketing_tickets_passes_issued_total") + 1);
		assertThat(after.value("ticketing_tickets_checkins_total", "outcome", "admitted"))
			.isEqualTo(before.value("ticketing_tickets_checkins_total", "outcome", "admitted") + 1);
		assertThat(after.value("ticketing_tickets_checkins_total", "outcome", "refused"))
			.isEqualTo(before.value("ticketing_tickets_checkins_total", "outcome", "refused") + 2);
	}

	@Test
	void checkingInNeedsTheDoorRole() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		String body = TestHttp.json(Map.of("code", passOf(this.buyer, ticketId).path("code").asString()));

		this.http.postJson("/api/tickets/checkins", body).assertProblem(401, "unauthenticated");
		this.http.postJson("/api/tickets/checkins", body, bearer(this.buyer)).assertProblem(403, "forbidden");
		this.http
			.postJson("/api/tickets/checkins", body, "Authorization",
					TestTokens.bearer(UUID.randomUUID(), Roles.SUPPORT))
			.assertProblem(403, "forbidden");
		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("valid");
	}

	@Test
	void anythingButAGenuineCodeIsCodeInvalidAndChangesNothing() throws Exception {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		JsonNode pass = passOf(this.buyer, ticketId);
		String code = pass.path("code").asString();
		String[] parts = code.split("\\.");
		KeyPair otherKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String kid = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)
			.replaceAll(".*\"kid\":\"([^\"]+)\".*", "$1");
		String signedByAnotherKey = Jwts.builder()
			.header()
			.keyId(kid)
			.and()
			.claim("pid", pass.path("id").asString())
			.claim("tid", ticketId)
			.issuedAt(new Date())
			.signWith(otherKey.getPrivate(), Jwts.SIG.EdDSA)
			.compact();
		String tamperedPayload = parts[0] + "."
				+ base64Url("{\"pid\":\"" + UUID.randomUUID() + "\",\"tid\":\"" + ticketId + "\",\"iat\":1}") + "."
				+ parts[2];
		String algNone = base64Url("{\"alg\":\"none\",\"kid\":\"" + kid + "\"}") + "." + parts[1] + ".";
		String hmac = Jwts.builder()
			.header()
			.keyId(kid)
			.and()
			.claim("pid", pass.path("id").asString())
			.claim("tid", ticketId)
			.signWith(Jwts.SIG.HS256.key().build())
			.compact();
		String unknownPass = Jwts.builder()
			.header()
			.keyId(kid)
			.and()
			.claim("pid", UUID.randomUUID().toString())
			.claim("tid", ticketId)
			.signWith(otherKey.getPrivate(), Jwts.SIG.EdDSA)
			.compact();

		for (String forged : List.of(signedByAnotherKey, tamperedPayload, algNone, hmac, unknownPass, "garbage", "",
				"a.b.c", code + "x", "x".repeat(10_240), "\u0000", "🎟️".repeat(100))) {
			checkIn(forged).assertProblem(400, "code_invalid");
		}
		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("valid");
		assertThat(checkIn(code).status()).isEqualTo(200);
	}

	@Test
	void aGenuineCodeOfAPassOfAnotherListingIsCodeInvalid() {
		String ticketId = createTicket(this.seller).path("id").asString();
		sellTo(ticketId, this.buyer);
		String other = createTicket(this.seller).path("id").asString();
		sellTo(other, this.buyer);
		String[] parts = passOf(this.buyer, ticketId).path("code").asString().split("\\.");
		String[] otherParts = passOf(this.buyer, other).path("code").asString().split("\\.");

		checkIn(parts[0] + "." + otherParts[1] + "." + parts[2]).assertProblem(400, "code_invalid");
	}

	@Test
	void aSupportRefundVoidsThePassAndACancellationRefundDoesNot() {
		String ticketId = createTicket(this.seller).path("id").asString();
		UUID order = sellTo(ticketId, this.buyer);
		String code = passOf(this.buyer, ticketId).path("code").asString();

		Event<PaymentRefunded> cancelled = refund(order, "order_cancelled");
		await().atMost(Duration.ofSeconds(15)).until(() -> processed(cancelled));
		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("valid");

		Event<PaymentRefunded> support = refund(order, "support");
		await().atMost(Duration.ofSeconds(15)).until(() -> processed(support));
		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("void");
		checkIn(code).assertProblem(409, "pass_void");
	}

	@Test
	void aSupportRefundSeenBeforeItsOrdersCompletionIssuesAVoidPass() {
		String ticketId = createTicket(this.seller).path("id").asString();
		UUID order = UUID.randomUUID();
		Event<PaymentRefunded> support = refund(order, "support");
		await().atMost(Duration.ofSeconds(15)).until(() -> processed(support));

		publish(completed(order, this.buyer, ticketId));
		await().atMost(Duration.ofSeconds(15)).until(() -> passCount(ticketId) == 1);

		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("void");
	}

	@Test
	void aSupportRefundOfAListedPassTakesItsResaleListingOffTheMarket() {
		String ticketId = createTicket(this.seller).path("id").asString();
		UUID order = sellTo(ticketId, this.buyer);
		String resale = resell(this.buyer, ticketId, 12_000).json().path("id").asString();

		Event<PaymentRefunded> support = refund(order, "support");
		await().atMost(Duration.ofSeconds(15)).until(() -> processed(support));

		assertThat(passOf(this.buyer, ticketId).path("status").asString()).isEqualTo("void");
		assertThat(ticket(resale).path("status").asString()).isEqualTo("withdrawn");
	}

	private Event<PaymentRefunded> refund(UUID orderId, String reason) {
		Event<PaymentRefunded> event = Event.of(new PaymentRefunded(UUID.randomUUID(), orderId, 12_500, "EUR", reason),
				Instant.now());
		publish(event);
		return event;
	}

	private void assertOneAdmittingPass(String firstListing) {
		assertThat(this.jdbc.sql("SELECT count(*) FROM passes WHERE origin_id = ? AND status IN ('valid', 'listed')")
			.param(UUID.fromString(firstListing))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private static String base64Url(String json) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, PublicKey> publicKeys(JsonNode jwks) {
		Map<String, PublicKey> keys = new java.util.HashMap<>();
		for (JsonNode key : jwks.path("keys")) {
			Jwk<?> jwk = Jwks.parser().build().parse(key.toString());
			keys.put(jwk.getId(), (PublicKey) jwk.toKey());
		}
		return keys;
	}

}
