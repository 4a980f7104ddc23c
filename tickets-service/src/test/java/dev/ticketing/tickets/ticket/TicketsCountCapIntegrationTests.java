package dev.ticketing.tickets.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.TestPropertySource;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.tickets.TicketsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /api/tickets} counts at most {@code TICKETS_COUNT_CAP} matching listings, or
 * up to the end of the page asked for when that is further (ADR 18): past that the total
 * is a lower bound with {@code "totalExact": false}, and "next" keeps finding listings.
 * Here the cap is 3, over real HTTP against the real database; each test lists under a
 * seller and a word of its own.
 */
@TestPropertySource(properties = "ticketing.tickets.count-cap=3")
class TicketsCountCapIntegrationTests extends TicketsIntegrationTest {

	UUID seller;

	String word;

	@BeforeEach
	void isolate() {
		this.seller = UUID.randomUUID();
		this.word = "w" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	@Test
	void aTotalUpToTheCapIsExact() {
		List<String> listed = list(3);

		JsonNode page = get("sellerId=" + this.seller + "&size=2");

		assertTotal(page, 3, 2, true);
		assertThat(ids(page)).containsExactlyElementsOf(listed.subList(0, 2));
		assertTotal(get("sellerId=" + this.seller), 3, 1, true);
		assertTotal(get("sellerId=" + this.seller + "&q=" + this.word), 3, 1, true);
	}

	@Test
	void aTotalPastTheCapIsTheCapAndSaysSo() {
		List<String> listed = list(4);

		JsonNode first = get("sellerId=" + this.seller + "&size=2");
		JsonNode all = get("sellerId=" + this.seller);

		assertTotal(first, 3, 2, false);
		assertThat(ids(first)).containsExactlyElementsOf(listed.subList(0, 2));
		assertTotal(all, 4, 1, true);
		assertThat(ids(all)).containsExactlyElementsOf(listed);
	}

	@Test
	void nextPagesPastTheCapAreCountedAsTheyAreReached() {
		List<String> listed = list(7);
		String mine = "sellerId=" + this.seller + "&size=2&page=";

		JsonNode first = get(mine + 0);
		JsonNode second = get(mine + 1);
		JsonNode third = get(mine + 2);
		JsonNode last = get(mine + 3);
		JsonNode beyond = get(mine + 4);

		assertTotal(first, 3, 2, false);
		assertTotal(second, 4, 2, false);
		assertTotal(third, 6, 3, false);
		assertTotal(last, 7, 4, true);
		assertTotal(beyond, 7, 4, true);
		List<String> seen = new ArrayList<>();
		for (JsonNode page : List.of(first, second, third, last)) {
			seen.addAll(ids(page));
		}
		assertThat(seen).containsExactlyElementsOf(listed);
		assertThat(ids(beyond)).isEmpty();
	}

	@Test
	void searchesAreCappedAlike() {
		List<String> listed = list(5);

		JsonNode byWord = get("q=" + this.word.toUpperCase() + "&size=2");
		JsonNode byLetter = get("sellerId=" + this.seller + "&q=P&size=2");
		JsonNode lastByWord = get("q=" + this.word + "&size=2&page=2");
		JsonNode beyondByWord = get("q=" + this.word + "&size=2&page=9");

		assertTotal(byWord, 3, 2, false);
		assertThat(ids(byWord)).containsExactlyElementsOf(listed.subList(0, 2));
		assertTotal(byLetter, 3, 2, false);
		assertThat(ids(byLetter)).containsExactlyElementsOf(listed.subList(0, 2));
		assertTotal(lastByWord, 5, 3, true);
		assertThat(ids(lastByWord)).containsExactlyElementsOf(listed.subList(4, 5));
		assertTotal(beyondByWord, 5, 3, true);
		assertThat(ids(beyondByWord)).isEmpty();
	}

	@Test
	void noMatchIsAnExactZero() {
		list(4);

		assertTotal(get("q=" + this.word + "zzz"), 0, 0, true);
		assertTotal(get("sellerId=" + this.seller + "&status=sold"), 0, 0, true);
	}

	@Test
	void badPagingIsStill400() {
		for (String query : List.of("page=-1", "size=0", "size=101", "page=x", "page=99999999999")) {
			this.http.get("/api/tickets?" + query).assertProblem(400, "validation_failed");
		}
	}

	/**
	 * Lists {@code count} tickets as the test's seller, titled with its word; newest
	 * first.
	 */
	private List<String> list(int count) {
		List<String> ids = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			ids.add(createTicket(this.seller, "title", "Paged " + i + " " + this.word).path("id").asString());
		}
		return ids.reversed();
	}

	private JsonNode get(String query) {
		Response response = this.http.get("/api/tickets?" + query);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json();
	}

	private static List<String> ids(JsonNode page) {
		return page.path("items").findValuesAsString("id");
	}

	private static void assertTotal(JsonNode page, long totalItems, long totalPages, boolean exact) {
		assertThat(page.path("totalItems").asLong()).as("totalItems").isEqualTo(totalItems);
		assertThat(page.path("totalPages").asLong()).as("totalPages").isEqualTo(totalPages);
		assertThat(page.path("totalExact").asBoolean()).as("totalExact").isEqualTo(exact);
	}

}
