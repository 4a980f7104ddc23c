package dev.ticketing.tickets.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/tickets} in a Spring MVC slice: each route reaches {@link TicketService}
 * with the right arguments and answers as DESIGN §2 says, and every refusal and bad input
 * becomes its problem.
 */
@ServiceWebMvcTest(TicketController.class)
class TicketControllerTests {

	private static final UUID SELLER = UUID.fromString("0b9a5f64-1f2e-4c1d-9a0e-5d8a7c6b4e31");

	private static final UUID TICKET_ID = UUID.fromString("6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0");

	private static final Instant EVENT_AT = Instant.parse("2099-06-01T19:30:00Z");

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:15:30Z");

	private static final Instant UPDATED_AT = Instant.parse("2026-11-26T08:00:00Z");

	private static final Listing LISTING = new Listing("Concert", 1250, "EUR", "Front row", "Arena", EVENT_AT);

	private static final String LISTING_JSON = """
			{"title": "Concert", "price": 1250, "currency": "EUR", "description": "Front row",
			 "venue": "Arena", "eventAt": "2099-06-01T19:30:00Z"}""";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private TicketService tickets;

	private static Ticket ticket(TicketStatus status, long version) {
		return new Ticket(TICKET_ID, LISTING, 1250, null, SELLER, status, null, version, CREATED_AT, UPDATED_AT);
	}

	private static MockHttpServletRequestBuilder asSeller(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(SELLER));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void createsATicketForTheSignedInSellerWith201AndItsLocation() throws Exception {
		given(this.tickets.create(any(), any(), any())).willReturn(ticket(TicketStatus.AVAILABLE, 1));

		this.mvc.perform(json(asSeller(post("/api/tickets")), LISTING_JSON))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/tickets/" + TICKET_ID))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.title").value("Concert"))
			.andExpect(jsonPath("$.price").value(1250))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.description").value("Front row"))
			.andExpect(jsonPath("$.venue").value("Arena"))
			.andExpect(jsonPath("$.eventAt").value("2099-06-01T19:30:00Z"))
			.andExpect(jsonPath("$.sellerId").value(SELLER.toString()))
			.andExpect(jsonPath("$.status").value("available"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.createdAt").value("2026-11-25T10:15:30Z"))
			.andExpect(jsonPath("$.updatedAt").value("2026-11-26T08:00:00Z"));

		verify(this.tickets).create(SELLER, LISTING, null);
	}

	@Test
	void createsAListingInUsdWithoutBlankOptionalTextsWhenTheyAreLeftOut() throws Exception {
		given(this.tickets.create(any(), any(), any())).willReturn(ticket(TicketStatus.AVAILABLE, 1));

		this.mvc.perform(json(asSeller(post("/api/tickets")), """
				{"title": "  Concert  ", "price": 1250, "description": "   ", "venue": ""}"""))
			.andExpect(status().isCreated());

		verify(this.tickets).create(SELLER, new Listing("Concert", 1250, "USD", null, null, null), null);
	}

	@Test
	void acceptsTheSessionCookieAsTheSignedInUser() throws Exception {
		given(this.tickets.create(any(), any(), any())).willReturn(ticket(TicketStatus.AVAILABLE, 1));

		this.mvc
			.perform(json(post("/api/tickets"), LISTING_JSON)
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(SELLER))))
			.andExpect(status().isCreated());

		verify(this.tickets).create(SELLER, LISTING, null);
	}

	@Test
	void refusesACrossSiteRequestAuthenticatedByCookieWith403CsrfRejected() throws Exception {
		this.mvc
			.perform(json(post("/api/tickets"), LISTING_JSON)
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(SELLER)))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(problem(403, "csrf_rejected"));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void answersTheFirstPageOfAvailableTicketsByDefault() throws Exception {
		given(this.tickets.search(any()))
			.willReturn(PageResponse.bounded(List.of(ticket(TicketStatus.AVAILABLE, 2)), PageQuery.first(), 21, 1000));

		this.mvc.perform(get("/api/tickets"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.items[0].status").value("available"))
			.andExpect(jsonPath("$.items[0].version").value(2))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(21))
			.andExpect(jsonPath("$.totalPages").value(2))
			.andExpect(jsonPath("$.totalExact").value(true));

		verify(this.tickets).search(new TicketQuery(TicketStatus.AVAILABLE, null, null, new PageQuery(0, 20)));
	}

	@Test
	void answersACappedTotalAsALowerBound() throws Exception {
		given(this.tickets.search(any())).willReturn(
				PageResponse.bounded(List.of(ticket(TicketStatus.AVAILABLE, 1)), PageQuery.first(), 1001, 1000));

		this.mvc.perform(get("/api/tickets"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.totalItems").value(1000))
			.andExpect(jsonPath("$.totalPages").value(50))
			.andExpect(jsonPath("$.totalExact").value(false));
	}

	@ParameterizedTest
	@CsvSource({ "available, AVAILABLE", "reserved, RESERVED", "sold, SOLD", "withdrawn, WITHDRAWN", "all," })
	void searchesByStatusOrAll(String status, TicketStatus wanted) throws Exception {
		given(this.tickets.search(any())).willReturn(PageResponse.of(List.of(), PageQuery.first(), 0));

		this.mvc.perform(get("/api/tickets").param("status", status)).andExpect(status().isOk());

		verify(this.tickets).search(new TicketQuery(wanted, null, null, PageQuery.first()));
	}

	@Test
	void passesTextSellerAndPageToTheSearch() throws Exception {
		given(this.tickets.search(any())).willReturn(PageResponse.of(List.of(), new PageQuery(2, 5), 0));

		this.mvc
			.perform(get("/api/tickets").param("status", "sold")
				.param("q", "  jazz night ")
				.param("sellerId", SELLER.toString())
				.param("page", "2")
				.param("size", "5"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(5));

		verify(this.tickets).search(new TicketQuery(TicketStatus.SOLD, "jazz night", SELLER, new PageQuery(2, 5)));
	}

	@Test
	void searchesWithoutTextWhenQIsBlank() throws Exception {
		given(this.tickets.search(any())).willReturn(PageResponse.of(List.of(), PageQuery.first(), 0));

		this.mvc.perform(get("/api/tickets").param("q", "   ")).andExpect(status().isOk());

		verify(this.tickets).search(new TicketQuery(TicketStatus.AVAILABLE, null, null, PageQuery.first()));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "status, unknown", "status, AVAILABLE", "page, -1", "page, x", "size, 0", "size, 101", "size, 2.5",
			"sellerId, not-a-uuid" })
	void refusesABadQueryParameterWith400NamingIt(String name, String value) throws Exception {
		this.mvc.perform(get("/api/tickets").param(name, value)).andExpect(validationFailed(name));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void refusesASearchTextOver200CharactersWith400NamingQ() throws Exception {
		this.mvc.perform(get("/api/tickets").param("q", "x".repeat(201))).andExpect(validationFailed("q"));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void answersATicketById() throws Exception {
		given(this.tickets.get(TICKET_ID)).willReturn(ticket(TicketStatus.RESERVED, 3));

		this.mvc.perform(get("/api/tickets/{id}", TICKET_ID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.status").value("reserved"))
			.andExpect(jsonPath("$.version").value(3));

		verify(this.tickets).get(TICKET_ID);
	}

	@Test
	void answersATicketWithoutOptionalDetailsWithNulls() throws Exception {
		given(this.tickets.get(TICKET_ID))
			.willReturn(new Ticket(TICKET_ID, new Listing("Concert", 1250, "USD", null, null, null), 1250, null, SELLER,
					TicketStatus.AVAILABLE, null, 1, CREATED_AT, CREATED_AT));

		this.mvc.perform(get("/api/tickets/{id}", TICKET_ID))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.description").value(nullValue()))
			.andExpect(jsonPath("$.venue").value(nullValue()))
			.andExpect(jsonPath("$.eventAt").value(nullValue()));
	}

	@Test
	void answersAnUnknownTicketWith404TicketNotFound() throws Exception {
		given(this.tickets.get(TICKET_ID)).willThrow(new TicketNotFoundException());

		this.mvc.perform(get("/api/tickets/{id}", TICKET_ID))
			.andExpect(problem(404, "ticket_not_found"))
			.andExpect(jsonPath("$.detail").value("There is no such ticket."));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1", "6f1c2d3e4b5a49688776a5b4c3d2e1f0" })
	void answersAMalformedIdWith404TicketNotFoundWithoutAskingTheService(String id) throws Exception {
		this.mvc.perform(get("/api/tickets/{id}", id)).andExpect(problem(404, "ticket_not_found"));
		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", id)), LISTING_JSON))
			.andExpect(problem(404, "ticket_not_found"));
		this.mvc.perform(asSeller(delete("/api/tickets/{id}", id))).andExpect(problem(404, "ticket_not_found"));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void updatesTheSellersTicketWithTheVersionTheyEdited() throws Exception {
		given(this.tickets.update(any(), any(), any(), any(), any())).willReturn(ticket(TicketStatus.AVAILABLE, 4));

		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), """
				{"title": "Concert", "price": 1250, "currency": "EUR", "description": "Front row",
				 "venue": "Arena", "eventAt": "2099-06-01T19:30:00Z", "version": 3}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.version").value(4));

		verify(this.tickets).update(SELLER, TICKET_ID, LISTING, null, 3L);
	}

	@Test
	void updatesWithoutAVersionAsAnOverwrite() throws Exception {
		given(this.tickets.update(any(), any(), any(), any(), any())).willReturn(ticket(TicketStatus.AVAILABLE, 2));

		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), """
				{"title": "Concert", "price": 1250}""")).andExpect(status().isOk());

		verify(this.tickets).update(SELLER, TICKET_ID, new Listing("Concert", 1250, "USD", null, null, null), null,
				null);
	}

	static Stream<Arguments> updateRefusals() {
		return Stream.of(Arguments.of(new NotOwnerException(), 403, "not_owner"),
				Arguments.of(new TicketNotFoundException(), 404, "ticket_not_found"),
				Arguments.of(new TicketReservedException(TicketStatus.RESERVED), 409, "ticket_reserved"),
				Arguments.of(new TicketReservedException(TicketStatus.SOLD), 409, "ticket_reserved"),
				Arguments.of(new TicketReservedException(TicketStatus.WITHDRAWN), 409, "ticket_reserved"),
				Arguments.of(new VersionConflictException(4), 409, "version_conflict"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("updateRefusals")
	void answersARefusedUpdateWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		given(this.tickets.update(any(), any(), any(), any(), any())).willThrow(refusal);

		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), LISTING_JSON))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()));
	}

	@Test
	void withdrawsTheSellersTicketWith204() throws Exception {
		this.mvc.perform(asSeller(delete("/api/tickets/{id}", TICKET_ID)))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));

		verify(this.tickets).withdraw(SELLER, TICKET_ID);
	}

	static Stream<Arguments> withdrawRefusals() {
		return Stream.of(Arguments.of(new NotOwnerException(), 403, "not_owner"),
				Arguments.of(new TicketNotFoundException(), 404, "ticket_not_found"),
				Arguments.of(new TicketReservedException(TicketStatus.RESERVED), 409, "ticket_reserved"),
				Arguments.of(new TicketReservedException(TicketStatus.SOLD), 409, "ticket_reserved"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("withdrawRefusals")
	void answersARefusedWithdrawalWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		willThrow(refusal).given(this.tickets).withdraw(any(), any());

		this.mvc.perform(asSeller(delete("/api/tickets/{id}", TICKET_ID))).andExpect(problem(status, code));
	}

	@Test
	void answersEveryChangeWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc.perform(json(post("/api/tickets"), LISTING_JSON)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(json(put("/api/tickets/{id}", TICKET_ID), LISTING_JSON))
			.andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(delete("/api/tickets/{id}", TICKET_ID)).andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.tickets);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWith401Unauthenticated(String name, Function<UUID, String> token) throws Exception {
		this.mvc
			.perform(json(post("/api/tickets"), LISTING_JSON).header(HttpHeaders.AUTHORIZATION,
					"Bearer " + token.apply(SELLER)))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));

		verifyNoInteractions(this.tickets);
	}

	static Stream<Arguments> invalidListings() {
		return Stream.of(Arguments.of("{\"price\": 1250}", List.of("title")),
				Arguments.of("{\"title\": \"   \", \"price\": 1250}", List.of("title")),
				Arguments.of("{\"title\": \"" + "x".repeat(121) + "\", \"price\": 1250}", List.of("title")),
				Arguments.of("{\"title\": \"a\\u0000b\", \"price\": 1250}", List.of("title")),
				Arguments.of("{\"title\": \"Concert\"}", List.of("price")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 0}", List.of("price")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 100000001}", List.of("price")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"currency\": \"usd\"}", List.of("currency")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"currency\": \"EURO\"}", List.of("currency")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"description\": \"" + "x".repeat(2001) + "\"}",
						List.of("description")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"venue\": \"" + "x".repeat(121) + "\"}",
						List.of("venue")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"eventAt\": \"2020-01-01T00:00:00Z\"}",
						List.of("eventAt")),
				Arguments.of("{\"title\": \"Concert\", \"price\": 1250, \"eventAt\": \"+10000-01-01T00:00:00Z\"}",
						List.of("eventAt")),
				Arguments.of("{\"title\": \"\", \"price\": -5, \"currency\": \"x\"}",
						List.of("title", "price", "currency")));
	}

	@ParameterizedTest
	@MethodSource("invalidListings")
	void refusesAnInvalidListingWith400NamingEachField(String body, List<String> fields) throws Exception {
		this.mvc.perform(json(asSeller(post("/api/tickets")), body))
			.andExpect(validationFailed(fields.toArray(String[]::new)));
		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), body))
			.andExpect(validationFailed(fields.toArray(String[]::new)));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void refusesAnUpdateToVersionZeroWith400NamingVersion() throws Exception {
		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), """
				{"title": "Concert", "price": 1250, "version": 0}""")).andExpect(validationFailed("version"));

		verifyNoInteractions(this.tickets);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"title\": \"Concert\", \"price\": ", "{\"title\": \"Concert\" \"price\": 1250}",
			"{\"title\": \"Concert\", \"title\": \"Other\", \"price\": 1250}",
			"{\"title\": \"Concert\", \"price\": \"1250\"}", "{\"title\": \"Concert\", \"price\": 12.5}",
			"{\"title\": 42, \"price\": 1250}", "{\"title\": \"Concert\", \"price\": true}",
			"{\"title\": \"Concert\", \"price\": 1250, \"eventAt\": \"next friday\"}",
			"{\"title\": \"Concert\", \"price\": 1250} {}", "[]", "" })
	void refusesAnUnreadableBodyWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(json(asSeller(post("/api/tickets")), body)).andExpect(problem(400, "malformed_request"));
		this.mvc.perform(json(asSeller(put("/api/tickets/{id}", TICKET_ID)), body))
			.andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void namesTheFieldOfTheWrongTypeInTheDetail() throws Exception {
		this.mvc.perform(json(asSeller(post("/api/tickets")), """
				{"title": "Concert", "price": "1250"}"""))
			.andExpect(problem(400, "malformed_request"))
			.andExpect(jsonPath("$.detail").value(containsString("'price'")));
	}

	@Test
	void refusesABodyThatIsNotJsonWith415() throws Exception {
		this.mvc.perform(asSeller(post("/api/tickets")).contentType(MediaType.TEXT_PLAIN).content("title=Concert"))
			.andExpect(problem(415, "unsupported_media_type"));

		verifyNoInteractions(this.tickets);
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(json(asSeller(patch("/api/tickets/{id}", TICKET_ID)), LISTING_JSON))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.tickets);
	}

}
