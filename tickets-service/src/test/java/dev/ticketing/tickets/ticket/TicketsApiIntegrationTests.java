package dev.ticketing.tickets.ticket;

import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.orders.v1.OrderCompleted;
import dev.ticketing.common.events.orders.v1.OrderCreated;
import dev.ticketing.common.events.orders.v1.TicketRef;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every route and status code of the {@code /api/tickets} table (DESIGN §2), over real
 * HTTP against the real database. The database is shared, so each test works with a
 * seller of its own and a random word in its titles.
 */
class TicketsApiIntegrationTests extends TicketsIntegrationTest {

	private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z";

	UUID seller;

	String word;

	@BeforeEach
	void isolate() {
		this.seller = UUID.randomUUID();
		this.word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	// POST /api/tickets

	@Test
	void createReturns201WithTheTicketAndItsLocation() {
		Map<String, Object> body = listing("title", "Concert " + this.word);
		Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		Response response = this.http.postJson("/api/tickets", TestHttp.json(body), bearer(this.seller));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.contentType()).startsWith("application/json");
		JsonNode ticket = response.json();
		assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("id", "title", "price", "faceValue", "currency",
				"description", "venue", "eventAt", "sellerId", "resoldFrom", "status", "version", "createdAt",
				"updatedAt");
		String id = ticket.path("id").asString();
		assertThat(UUID.fromString(id).toString()).isEqualTo(id);
		assertThat(ticket.path("title").asString()).isEqualTo("Concert " + this.word);
		assertThat(ticket.path("price").isIntegralNumber()).isTrue();
		assertThat(ticket.path("price").asLong()).isEqualTo(12_500);
		assertThat(ticket.path("currency").asString()).isEqualTo("EUR");
		assertThat(ticket.path("description").asString()).isEqualTo("Two tickets, will sell separately.");
		assertThat(ticket.path("venue").asString()).isEqualTo("Ziggo Dome");
		assertThat(Instant.parse(ticket.path("eventAt").asString()))
			.isEqualTo(Instant.parse((String) body.get("eventAt")));
		assertThat(ticket.path("sellerId").asString()).isEqualTo(this.seller.toString());
		assertThat(ticket.path("status").asString()).isEqualTo("available");
		assertThat(ticket.path("version").asLong()).isEqualTo(1);
		assertThat(ticket.path("createdAt").asString()).matches(TIMESTAMP);
		assertThat(ticket.path("updatedAt").asString()).isEqualTo(ticket.path("createdAt").asString());
		assertThat(Instant.parse(ticket.path("createdAt").asString())).isAfterOrEqualTo(before);

		assertThat(response.header("Location"))
			.hasValueSatisfying((location) -> assertThat(location).endsWith("/api/tickets/" + id));
		String location = response.header("Location").orElseThrow();
		String path = location.substring(location.indexOf("/api/tickets/"));
		assertThat(ticket(path.substring("/api/tickets/".length()))).isEqualTo(ticket);
		assertThat(sellersTickets()).isEqualTo(1);
	}

	@Test
	void createDefaultsTheCurrencyToUsdAndLeavesOptionalFieldsNull() {
		Response response = this.http.postJson("/api/tickets",
				TestHttp.json(Map.of("title", "Minimal " + this.word, "price", 1)), bearer(this.seller));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		JsonNode ticket = response.json();
		assertThat(ticket.propertyNames()).containsExactlyInAnyOrder("id", "title", "price", "faceValue", "currency",
				"description", "venue", "eventAt", "sellerId", "resoldFrom", "status", "version", "createdAt",
				"updatedAt");
		assertThat(ticket.path("currency").asString()).isEqualTo("USD");
		assertThat(ticket.path("price").asLong()).isEqualTo(1);
		assertThat(ticket.path("description").isNull()).isTrue();
		assertThat(ticket.path("venue").isNull()).isTrue();
		assertThat(ticket.path("eventAt").isNull()).isTrue();
		assertThat(ticket(ticket.path("id").asString())).isEqualTo(ticket);
	}

	@Test
	void createTreatsExplicitNullsAndBlankOptionalTextsAsAbsent() {
		JsonNode ticket = createTicket(this.seller, "title", "  Padded " + this.word + "  ", "currency", null,
				"description", "   ", "venue", "", "eventAt", null);

		assertThat(ticket.path("title").asString()).isEqualTo("Padded " + this.word);
		assertThat(ticket.path("currency").asString()).isEqualTo("USD");
		assertThat(ticket.path("description").isNull()).isTrue();
		assertThat(ticket.path("venue").isNull()).isTrue();
		assertThat(ticket.path("eventAt").isNull()).isTrue();
	}

	@Test
	void createAcceptsTheLimits() {
		JsonNode longest = createTicket(this.seller, "title", "t".repeat(120), "price", 100_000_000, "description",
				"d".repeat(2000), "venue", "v".repeat(120), "eventAt", "9999-12-31T23:59:59Z");
		JsonNode cheapest = createTicket(this.seller, "price", 1);

		assertThat(longest.path("title").asString()).hasSize(120);
		assertThat(longest.path("price").asLong()).isEqualTo(100_000_000);
		assertThat(longest.path("description").asString()).hasSize(2000);
		assertThat(longest.path("venue").asString()).hasSize(120);
		assertThat(longest.path("eventAt").asString()).isEqualTo("9999-12-31T23:59:59Z");
		assertThat(cheapest.path("price").asLong()).isEqualTo(1);
		assertThat(sellersTickets()).isEqualTo(2);
	}

	@Test
	void createWithoutATokenIs401AndStoresNothing() {
		Response response = this.http.postJson("/api/tickets", TestHttp.json(listing("title", this.word)));

		response.assertProblem(401, "unauthenticated");
		assertThat(ticketsTitled(this.word)).isZero();
	}

	// GET /api/tickets/{id}

	@Test
	void showReturnsTheTicketToAnyone() {
		JsonNode created = createTicket(this.seller, "title", "Show " + this.word);

		Response anonymous = this.http.get("/api/tickets/" + created.path("id").asString());
		Response someoneElse = this.http.get("/api/tickets/" + created.path("id").asString(),
				bearer(UUID.randomUUID()));

		assertThat(anonymous.status()).isEqualTo(200);
		assertThat(anonymous.json()).isEqualTo(created);
		assertThat(someoneElse.status()).isEqualTo(200);
		assertThat(someoneElse.json()).isEqualTo(created);
	}

	@Test
	void showAnUnknownTicketIs404() {
		this.http.get("/api/tickets/" + UUID.randomUUID()).assertProblem(404, "ticket_not_found");
	}

	@Test
	void showAMalformedIdIs404LikeAnUnknownOne() {
		for (String id : List.of("not-a-uuid", "12345", "1-1-1-1-1", UUID.randomUUID() + "0",
				"%20" + UUID.randomUUID())) {
			this.http.get("/api/tickets/" + id).assertProblem(404, "ticket_not_found");
		}
	}

	// GET /api/tickets

	@Test
	void listIsNewestFirstAndAvailableByDefault() {
		String first = createTicket(this.seller, "title", "First " + this.word).path("id").asString();
		String second = createTicket(this.seller, "title", "Second " + this.word).path("id").asString();
		String third = createTicket(this.seller, "title", "Third " + this.word).path("id").asString();
		String withdrawn = createTicket(this.seller, "title", "Withdrawn " + this.word).path("id").asString();
		assertThat(withdraw(withdrawn, this.seller).status()).isEqualTo(204);
		assertThat(ticket(withdrawn).path("status").asString()).isEqualTo("withdrawn");

		JsonNode page = list("sellerId=" + this.seller);

		assertThat(ids(page)).containsExactly(third, second, first);
		assertThat(page.propertyNames()).containsExactlyInAnyOrder("items", "page", "size", "totalItems", "totalPages",
				"totalExact");
		assertThat(page.path("totalExact").isBoolean()).isTrue();
		assertThat(page.path("totalExact").asBoolean()).isTrue();
		assertThat(page.path("page").asInt()).isZero();
		assertThat(page.path("size").asInt()).isEqualTo(20);
		assertThat(page.path("totalItems").asLong()).isEqualTo(3);
		assertThat(page.path("totalPages").asLong()).isEqualTo(1);
		assertThat(page.path("items").get(0)).isEqualTo(ticket(third));
		assertThat(list("q=" + this.word)).isEqualTo(page);
	}

	@Test
	void listFiltersByEachStatusAndAll() {
		String available = createTicket(this.seller, "title", "Available " + this.word).path("id").asString();
		String reserved = createTicket(this.seller, "title", "Reserved " + this.word).path("id").asString();
		String sold = createTicket(this.seller, "title", "Sold " + this.word).path("id").asString();
		String withdrawn = createTicket(this.seller, "title", "Withdrawn " + this.word).path("id").asString();
		reserve(reserved);
		sell(sold);
		assertThat(withdraw(withdrawn, this.seller).status()).isEqualTo(204);

		assertThat(ids(list("sellerId=" + this.seller + "&status=available"))).containsExactly(available);
		assertThat(ids(list("sellerId=" + this.seller + "&status=reserved"))).containsExactly(reserved);
		assertThat(ids(list("sellerId=" + this.seller + "&status=sold"))).containsExactly(sold);
		assertThat(ids(list("sellerId=" + this.seller + "&status=withdrawn"))).containsExactly(withdrawn);
		JsonNode all = list("sellerId=" + this.seller + "&status=all");
		assertThat(ids(all)).containsExactly(withdrawn, sold, reserved, available);
		assertThat(all.path("totalItems").asLong()).isEqualTo(4);
		assertThat(all.path("items").findValuesAsString("status")).containsExactly("withdrawn", "sold", "reserved",
				"available");
		assertThat(ids(list("q=" + this.word + "&status=reserved"))).containsExactly(reserved);
	}

	@Test
	void listSearchesTitleAndVenueIgnoringCase() {
		String inTitle = createTicket(this.seller, "title", "Big " + this.word.toUpperCase() + " night", "venue",
				"Somewhere")
			.path("id")
			.asString();
		String inVenue = createTicket(this.seller, "title", "Something else", "venue", "The " + this.word + " Arena")
			.path("id")
			.asString();
		String neither = createTicket(this.seller, "title", "Unrelated", "venue", "Elsewhere").path("id").asString();

		assertThat(ids(list("q=" + this.word))).containsExactly(inVenue, inTitle);
		assertThat(ids(list("q=" + this.word.toUpperCase()))).containsExactly(inVenue, inTitle);
		assertThat(ids(list("q=" + encode("  " + this.word.substring(2, 9) + " ")))).containsExactly(inVenue, inTitle);
		assertThat(ids(list("q=" + encode(this.word + " Arena")))).containsExactly(inVenue);
		assertThat(ids(list("q=" + encode("big " + this.word)))).containsExactly(inTitle);
		assertThat(ids(list("sellerId=" + this.seller + "&q=%20%20"))).containsExactly(neither, inVenue, inTitle);
		assertThat(list("q=" + this.word + "zzz").path("totalItems").asLong()).isZero();
	}

	@Test
	void listTreatsLikeWildcardsInTheQueryLiterally() {
		String percent = createTicket(this.seller, "title", "50% off " + this.word).path("id").asString();
		String digits = createTicket(this.seller, "title", "500 off " + this.word).path("id").asString();
		String underscore = createTicket(this.seller, "title", "row_a " + this.word).path("id").asString();
		String letter = createTicket(this.seller, "title", "rowXa " + this.word).path("id").asString();
		String backslash = createTicket(this.seller, "title", "back\\slash " + this.word).path("id").asString();

		String mine = "sellerId=" + this.seller + "&q=";
		assertThat(ids(list(mine + encode("50%")))).containsExactly(percent);
		assertThat(ids(list(mine + encode("%")))).containsExactly(percent);
		assertThat(ids(list(mine + encode("row_a")))).containsExactly(underscore);
		assertThat(ids(list(mine + encode("_")))).containsExactly(underscore);
		assertThat(ids(list(mine + encode("back\\slash")))).containsExactly(backslash);
		assertThat(ids(list(mine + encode("\\")))).containsExactly(backslash);
		assertThat(ids(list(mine + this.word))).containsExactly(backslash, letter, underscore, digits, percent);
	}

	@Test
	void listFiltersBySeller() {
		UUID otherSeller = UUID.randomUUID();
		String mine = createTicket(this.seller, "title", "Mine " + this.word).path("id").asString();
		String theirs = createTicket(otherSeller, "title", "Theirs " + this.word).path("id").asString();

		assertThat(ids(list("sellerId=" + this.seller))).containsExactly(mine);
		assertThat(ids(list("sellerId=" + otherSeller))).containsExactly(theirs);
		assertThat(ids(list("q=" + this.word))).containsExactly(theirs, mine);
		assertThat(ids(list("q=" + this.word + "&sellerId=" + otherSeller))).containsExactly(theirs);
		JsonNode nobody = list("sellerId=" + UUID.randomUUID());
		assertThat(nobody.path("items").isEmpty()).isTrue();
		assertThat(nobody.path("totalItems").asLong()).isZero();
		assertThat(nobody.path("totalPages").asLong()).isZero();
	}

	@Test
	void listPagesWithCorrectTotals() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			created.add(createTicket(this.seller, "title", "Paged " + i + " " + this.word).path("id").asString());
		}
		List<String> newestFirst = created.reversed();
		String mine = "sellerId=" + this.seller;

		JsonNode first = list(mine + "&size=2");
		JsonNode second = list(mine + "&size=2&page=1");
		JsonNode last = list(mine + "&page=2&size=2");
		JsonNode beyond = list(mine + "&page=3&size=2");

		assertPage(first, 0, 2, 5, 3);
		assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
		assertPage(second, 1, 2, 5, 3);
		assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
		assertPage(last, 2, 2, 5, 3);
		assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(4, 5));
		assertPage(beyond, 3, 2, 5, 3);
		assertThat(ids(beyond)).isEmpty();
		JsonNode exact = list(mine + "&size=5");
		assertPage(exact, 0, 5, 5, 1);
		assertThat(ids(exact)).containsExactlyElementsOf(newestFirst);
		assertPage(list(mine + "&size=100"), 0, 100, 5, 1);
		assertPage(list(mine + "&size=1&page=4"), 4, 1, 5, 5);
		assertPage(list(mine + "&size=100&page=" + Integer.MAX_VALUE), Integer.MAX_VALUE, 100, 5, 1);
	}

	@Test
	void listMatchesTextsTooShortForTrigramsAsLongerOnes() {
		String inTitle = createTicket(this.seller, "title", "Kq " + this.word, "venue", "Somewhere").path("id")
			.asString();
		String inVenue = createTicket(this.seller, "title", "Other " + this.word, "venue", "The xY club").path("id")
			.asString();
		String accented = createTicket(this.seller, "title", "Élan vital " + this.word, "venue", "Æsir hall").path("id")
			.asString();
		String mine = "sellerId=" + this.seller + "&q=";

		// Letters that the random word (w + hex digits) never holds, so only the texts
		// here match.
		assertThat(ids(list(mine + "kQ"))).containsExactly(inTitle);
		assertThat(ids(list(mine + "XY"))).containsExactly(inVenue);
		assertThat(ids(list(mine + "y"))).containsExactly(inVenue);
		assertThat(ids(list(mine + encode("é")))).containsExactly(accented);
		assertThat(ids(list(mine + encode("ÉLAN")))).containsExactly(accented);
		assertThat(ids(list(mine + encode("æS")))).containsExactly(accented);
		assertThat(ids(list(mine + encode("æsir HALL")))).containsExactly(accented);
		assertThat(ids(list(mine + encode("q " + this.word.substring(0, 1))))).containsExactly(inTitle);
		assertThat(ids(list(mine + encode("r " + this.word)))).containsExactly(inVenue);
		assertThat(ids(list(mine + "zq"))).isEmpty();
		assertThat(ids(list("q=" + encode("n vital " + this.word)))).containsExactly(accented);
	}

	@Test
	void listTreatsLikeWildcardsLiterallyInLongerTextsToo() {
		String percent = createTicket(this.seller, "title", "Save 100% " + this.word).path("id").asString();
		createTicket(this.seller, "title", "Save 1000 " + this.word);
		String underscore = createTicket(this.seller, "venue", "Hall_b " + this.word).path("id").asString();
		createTicket(this.seller, "venue", "Hallxb " + this.word);
		String backslash = createTicket(this.seller, "title", "C:\\gig " + this.word).path("id").asString();
		createTicket(this.seller, "title", "C:gig " + this.word);

		assertThat(ids(list("q=" + encode("100% " + this.word)))).containsExactly(percent);
		assertThat(ids(list("q=" + encode("hall_B " + this.word)))).containsExactly(underscore);
		assertThat(ids(list("q=" + encode("c:\\GIG " + this.word)))).containsExactly(backslash);
		assertThat(ids(list("q=" + encode("%" + this.word)))).isEmpty();
		assertThat(ids(list("q=" + encode("_" + this.word)))).isEmpty();
	}

	// PUT /api/tickets/{id}

	@Test
	void updateReplacesTheListingAndRaisesTheVersion() {
		JsonNode created = createTicket(this.seller, "title", "Before " + this.word);
		String id = created.path("id").asString();
		String eventAt = Instant.now().plus(60, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

		Response response = update(id, this.seller, listing("title", "After " + this.word, "price", 9_900, "currency",
				"GBP", "description", "Now one ticket.", "venue", "O2 Arena", "eventAt", eventAt));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode updated = response.json();
		assertThat(updated.propertyNames()).containsExactlyInAnyOrder("id", "title", "price", "faceValue", "currency",
				"description", "venue", "eventAt", "sellerId", "resoldFrom", "status", "version", "createdAt",
				"updatedAt");
		assertThat(updated.path("id").asString()).isEqualTo(id);
		assertThat(updated.path("title").asString()).isEqualTo("After " + this.word);
		assertThat(updated.path("price").asLong()).isEqualTo(9_900);
		assertThat(updated.path("currency").asString()).isEqualTo("GBP");
		assertThat(updated.path("description").asString()).isEqualTo("Now one ticket.");
		assertThat(updated.path("venue").asString()).isEqualTo("O2 Arena");
		assertThat(Instant.parse(updated.path("eventAt").asString())).isEqualTo(Instant.parse(eventAt));
		assertThat(updated.path("sellerId").asString()).isEqualTo(this.seller.toString());
		assertThat(updated.path("status").asString()).isEqualTo("available");
		assertThat(updated.path("version").asLong()).isEqualTo(2);
		assertThat(updated.path("createdAt")).isEqualTo(created.path("createdAt"));
		assertThat(Instant.parse(updated.path("updatedAt").asString()))
			.isAfterOrEqualTo(Instant.parse(created.path("updatedAt").asString()));
		assertThat(ticket(id)).isEqualTo(updated);
	}

	@Test
	void updateIsAFullReplacement() {
		String id = createTicket(this.seller).path("id").asString();

		Response response = update(id, this.seller, Map.of("title", "Bare " + this.word, "price", 500));

		assertThat(response.status()).as(response.body()).isEqualTo(200);
		JsonNode updated = response.json();
		assertThat(updated.path("currency").asString()).isEqualTo("USD");
		assertThat(updated.path("description").isNull()).isTrue();
		assertThat(updated.path("venue").isNull()).isTrue();
		assertThat(updated.path("eventAt").isNull()).isTrue();
		assertThat(updated.path("version").asLong()).isEqualTo(2);
		assertThat(ticket(id)).isEqualTo(updated);
	}

	@Test
	void updateWithTheCurrentVersionWorksAndAStaleOneIs409() {
		String id = createTicket(this.seller, "title", "V1 " + this.word).path("id").asString();

		Response atOne = update(id, this.seller, listing("title", "V2 " + this.word, "version", 1));
		assertThat(atOne.status()).as(atOne.body()).isEqualTo(200);
		assertThat(atOne.json().path("version").asLong()).isEqualTo(2);
		JsonNode current = ticket(id);

		update(id, this.seller, listing("title", "Stale " + this.word, "version", 1)).assertProblem(409,
				"version_conflict");
		assertThat(ticket(id)).isEqualTo(current);
		update(id, this.seller, listing("title", "Future " + this.word, "version", 3)).assertProblem(409,
				"version_conflict");
		assertThat(ticket(id)).isEqualTo(current);

		Response atTwo = update(id, this.seller, listing("title", "V3 " + this.word, "version", 2));
		assertThat(atTwo.status()).as(atTwo.body()).isEqualTo(200);
		assertThat(atTwo.json().path("version").asLong()).isEqualTo(3);
		assertThat(atTwo.json().path("title").asString()).isEqualTo("V3 " + this.word);
		Response unversioned = update(id, this.seller, listing("title", "V4 " + this.word));
		assertThat(unversioned.status()).as(unversioned.body()).isEqualTo(200);
		assertThat(unversioned.json().path("version").asLong()).isEqualTo(4);
	}

	@Test
	void updateByAnotherUserIs403() {
		JsonNode created = createTicket(this.seller, "title", "Mine " + this.word);
		String id = created.path("id").asString();

		update(id, UUID.randomUUID(), listing("title", "Hijacked")).assertProblem(403, "not_owner");
		update(id, UUID.randomUUID(), listing("title", "Hijacked", "version", 1)).assertProblem(403, "not_owner");

		assertThat(ticket(id)).isEqualTo(created);
	}

	@Test
	void updateOfAnUnknownOrMalformedIdIs404() {
		update(UUID.randomUUID().toString(), this.seller, listing()).assertProblem(404, "ticket_not_found");
		update("not-a-uuid", this.seller, listing()).assertProblem(404, "ticket_not_found");
		update("1-1-1-1-1", this.seller, listing()).assertProblem(404, "ticket_not_found");
		assertThat(sellersTickets()).isZero();
	}

	@Test
	void updateOfAReservedTicketIs409() {
		String id = createTicket(this.seller, "title", "Reserved " + this.word).path("id").asString();
		JsonNode reserved = reserve(id);

		update(id, this.seller, listing("title", "Changed")).assertProblem(409, "ticket_reserved");
		update(id, this.seller, listing("title", "Changed", "version", reserved.path("version").asLong()))
			.assertProblem(409, "ticket_reserved");

		assertThat(ticket(id)).isEqualTo(reserved);
	}

	@Test
	void updateOfASoldTicketIs409() {
		String id = createTicket(this.seller, "title", "Sold " + this.word).path("id").asString();
		JsonNode sold = sell(id);

		update(id, this.seller, listing("title", "Changed")).assertProblem(409, "ticket_reserved");

		assertThat(ticket(id)).isEqualTo(sold);
	}

	@Test
	void updateOfAWithdrawnTicketIs409() {
		String id = createTicket(this.seller, "title", "Withdrawn " + this.word).path("id").asString();
		assertThat(withdraw(id, this.seller).status()).isEqualTo(204);
		JsonNode withdrawn = ticket(id);

		update(id, this.seller, listing("title", "Back again")).assertProblem(409, "ticket_reserved");
		update(id, this.seller, listing("title", "Back again", "version", 2)).assertProblem(409, "ticket_reserved");

		assertThat(ticket(id)).isEqualTo(withdrawn);
	}

	@Test
	void updateWithoutATokenIs401() {
		JsonNode created = createTicket(this.seller);
		String id = created.path("id").asString();

		update(id, null, listing("title", "Anonymous")).assertProblem(401, "unauthenticated");
		update(UUID.randomUUID().toString(), null, listing()).assertProblem(401, "unauthenticated");

		assertThat(ticket(id)).isEqualTo(created);
	}

	// DELETE /api/tickets/{id}

	@Test
	void withdrawIs204AndIdempotent() {
		JsonNode created = createTicket(this.seller, "title", "Withdraw " + this.word);
		String id = created.path("id").asString();

		Response first = withdraw(id, this.seller);

		assertThat(first.status()).as(first.body()).isEqualTo(204);
		assertThat(first.body()).isEmpty();
		JsonNode withdrawn = ticket(id);
		assertThat(withdrawn.path("status").asString()).isEqualTo("withdrawn");
		assertThat(withdrawn.path("version").asLong()).isEqualTo(2);
		assertThat(withdrawn.path("title")).isEqualTo(created.path("title"));
		assertThat(eventsAbout(id)).isEqualTo(2);

		Response again = withdraw(id, this.seller);

		assertThat(again.status()).as(again.body()).isEqualTo(204);
		assertThat(ticket(id)).isEqualTo(withdrawn);
		assertThat(eventsAbout(id)).isEqualTo(2);
		assertThat(ids(list("sellerId=" + this.seller))).isEmpty();
	}

	@Test
	void withdrawByAnotherUserIs403() {
		JsonNode created = createTicket(this.seller);
		String id = created.path("id").asString();

		withdraw(id, UUID.randomUUID()).assertProblem(403, "not_owner");

		assertThat(ticket(id)).isEqualTo(created);
		assertThat(withdraw(id, this.seller).status()).isEqualTo(204);
		withdraw(id, UUID.randomUUID()).assertProblem(403, "not_owner");
	}

	@Test
	void withdrawOfAnUnknownOrMalformedIdIs404() {
		withdraw(UUID.randomUUID().toString(), this.seller).assertProblem(404, "ticket_not_found");
		withdraw("not-a-uuid", this.seller).assertProblem(404, "ticket_not_found");
		withdraw("1-1-1-1-1", this.seller).assertProblem(404, "ticket_not_found");
	}

	@Test
	void withdrawOfAReservedOrSoldTicketIs409() {
		String reservedId = createTicket(this.seller, "title", "Reserved " + this.word).path("id").asString();
		String soldId = createTicket(this.seller, "title", "Sold " + this.word).path("id").asString();
		JsonNode reserved = reserve(reservedId);
		JsonNode sold = sell(soldId);
		long eventsBefore = eventsAbout(reservedId);

		withdraw(reservedId, this.seller).assertProblem(409, "ticket_reserved");
		withdraw(soldId, this.seller).assertProblem(409, "ticket_reserved");

		assertThat(ticket(reservedId)).isEqualTo(reserved);
		assertThat(ticket(soldId)).isEqualTo(sold);
		assertThat(eventsAbout(reservedId)).isEqualTo(eventsBefore);
	}

	@Test
	void withdrawWithoutATokenIs401() {
		JsonNode created = createTicket(this.seller);
		String id = created.path("id").asString();

		withdraw(id, null).assertProblem(401, "unauthenticated");
		withdraw(UUID.randomUUID().toString(), null).assertProblem(401, "unauthenticated");

		assertThat(ticket(id)).isEqualTo(created);
	}

	// Session cookie and the CSRF rule

	@Test
	void cookieAuthenticatedCrossSiteWriteIs403() {
		String cookie = "session=" + KEYS.builder(this.seller, Instant.now().minusSeconds(1)).compact();
		String body = TestHttp.json(listing("title", "Cross-site " + this.word));

		this.http.postJson("/api/tickets", body, "Cookie", cookie, "Sec-Fetch-Site", "cross-site")
			.assertProblem(403, "csrf_rejected");
		this.http.postJson("/api/tickets", body, "Cookie", cookie, "Origin", "https://evil.example")
			.assertProblem(403, "csrf_rejected");
		this.http
			.postJson("/api/tickets", body, "Cookie", cookie, "Origin", "http://localhost:3000", "Sec-Fetch-Site",
					"cross-site")
			.assertProblem(403, "csrf_rejected");

		assertThat(sellersTickets()).isZero();
	}

	@Test
	void cookieAuthenticatedWriteFromTheAllowedOriginIsAccepted() {
		String cookie = "session=" + KEYS.builder(this.seller, Instant.now().minusSeconds(1)).compact();
		String body = TestHttp.json(listing("title", "Cookie " + this.word));

		Response response = this.http.postJson("/api/tickets", body, "Cookie", cookie, "Origin",
				"http://localhost:3000");
		Response sameOrigin = this.http.postJson("/api/tickets", body, "Cookie", cookie, "Origin",
				"http://localhost:3000", "Sec-Fetch-Site", "same-origin");

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("sellerId").asString()).isEqualTo(this.seller.toString());
		assertThat(sameOrigin.status()).as(sameOrigin.body()).isEqualTo(201);
		assertThat(sellersTickets()).isEqualTo(2);
	}

	@Test
	void bearerRequestsAreNotSubjectToTheCsrfRule() {
		Response response = this.http.postJson("/api/tickets", TestHttp.json(listing("title", "Bearer " + this.word)),
				concat(bearer(this.seller), "Sec-Fetch-Site", "cross-site", "Origin", "https://evil.example"));

		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(sellersTickets()).isEqualTo(1);
	}

	// Helpers

	private Response update(String id, UUID user, Object body) {
		String[] headers = (user != null) ? bearer(user) : new String[0];
		return this.http.send("PUT", "/api/tickets/" + id, BodyPublishers.ofString(TestHttp.json(body)),
				concat(headers, "Content-Type", "application/json"));
	}

	private Response withdraw(String id, UUID user) {
		String[] headers = (user != null) ? bearer(user) : new String[0];
		return this.http.send("DELETE", "/api/tickets/" + id, BodyPublishers.noBody(), headers);
	}

	private JsonNode list(String query) {
		Response response = this.http.get("/api/tickets?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").findValuesAsString("id");
	}

	private static void assertPage(JsonNode page, int number, int size, long totalItems, long totalPages) {
		assertThat(page.path("page").asInt()).isEqualTo(number);
		assertThat(page.path("size").asInt()).isEqualTo(size);
		assertThat(page.path("totalItems").asLong()).isEqualTo(totalItems);
		assertThat(page.path("totalPages").asLong()).isEqualTo(totalPages);
		assertThat(page.path("totalExact").asBoolean()).isTrue();
	}

	/** Reserves a ticket the way orders-service does: an {@code order.created} event. */
	private JsonNode reserve(String ticketId) {
		reserveFor(ticketId, UUID.randomUUID());
		return ticket(ticketId);
	}

	private UUID reserveFor(String ticketId, UUID orderId) {
		JsonNode ticket = ticket(ticketId);
		publish(Event.of(new OrderCreated(orderId, 1, UUID.randomUUID(), "created", Instant.now().plusSeconds(900),
				new OrderCreated.Ticket(UUID.fromString(ticketId), ticket.path("price").asLong(),
						ticket.path("currency").asString(), null, null)),
				Instant.now()));
		awaitStatus(ticketId, "reserved");
		return orderId;
	}

	/** Sells a ticket the way orders-service does: created, then completed. */
	private JsonNode sell(String ticketId) {
		UUID orderId = reserveFor(ticketId, UUID.randomUUID());
		publish(Event.of(new OrderCompleted(orderId, 2, UUID.randomUUID(), new TicketRef(UUID.fromString(ticketId)),
				UUID.randomUUID()), Instant.now()));
		awaitStatus(ticketId, "sold");
		return ticket(ticketId);
	}

	private void awaitStatus(String ticketId, String status) {
		await().atMost(Duration.ofSeconds(15)).until(() -> status.equals(ticket(ticketId).path("status").asString()));
	}

	private long sellersTickets() {
		return this.jdbc.sql("SELECT count(*) FROM tickets WHERE seller_id = ?")
			.param(this.seller)
			.query(Long.class)
			.single();
	}

	private long ticketsTitled(String text) {
		return this.jdbc.sql("SELECT count(*) FROM tickets WHERE title LIKE ?")
			.param("%" + text + "%")
			.query(Long.class)
			.single();
	}

	/** How many events the outbox holds about a ticket, sent or not. */
	private long eventsAbout(String ticketId) {
		return this.jdbc.sql("SELECT count(*) FROM messaging.outbox WHERE body LIKE ?")
			.param("%" + ticketId + "%")
			.query(Long.class)
			.single();
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static String[] concat(String[] headers, String... more) {
		String[] all = Arrays.copyOf(headers, headers.length + more.length);
		System.arraycopy(more, 0, all, headers.length, more.length);
		return all;
	}

}
