package dev.ticketing.tickets.resale;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.tickets.pass.AlreadyCheckedInException;
import dev.ticketing.tickets.pass.AlreadyListedException;
import dev.ticketing.tickets.pass.NotHolderException;
import dev.ticketing.tickets.pass.PassVoidException;
import dev.ticketing.tickets.ticket.EventOverException;
import dev.ticketing.tickets.ticket.Listing;
import dev.ticketing.tickets.ticket.PriceAboveCapException;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketNotFoundException;
import dev.ticketing.tickets.ticket.TicketStatus;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code POST /api/tickets/{id}/resale} in a Spring MVC slice: the resale reaches
 * {@link ResaleService} as the signed-in holder's, answers 201 with the new listing and
 * its {@code Location}, and every refusal and bad input becomes its problem (DESIGN §2).
 */
@ServiceWebMvcTest(ResaleController.class)
class ResaleControllerTests {

	private static final UUID HOLDER = UUID.fromString("0b9a5f64-1f2e-4c1d-9a0e-5d8a7c6b4e31");

	private static final UUID BOUGHT_ID = UUID.fromString("6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0");

	private static final UUID RESALE_ID = UUID.fromString("ad5a6b7c-8f9e-4dac-8bba-e9f8a7b6c5d4");

	private static final Instant EVENT_AT = Instant.parse("2099-06-01T19:30:00Z");

	private static final Instant CREATED_AT = Instant.parse("2026-11-27T09:00:00.654321Z");

	private static final Instant CHECKED_IN_AT = Instant.parse("2099-06-01T19:02:03.456789Z");

	private static final Ticket RESALE = new Ticket(RESALE_ID,
			new Listing("Concert", 1300, "EUR", "Can't make it", "Arena", EVENT_AT), 1100, BOUGHT_ID, HOLDER,
			TicketStatus.AVAILABLE, null, 1, CREATED_AT, CREATED_AT);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private ResaleService resales;

	private static MockHttpServletRequestBuilder resell(Object id, String body) {
		return resellWith(TestTokens.bearer(HOLDER), id, body);
	}

	private static MockHttpServletRequestBuilder resellWith(String authorization, Object id, String body) {
		return post("/api/tickets/{id}/resale", id).header(HttpHeaders.AUTHORIZATION, authorization)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	@Test
	void resellsTheHoldersTicketWith201TheNewListingAndItsLocation() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300, \"description\": \"Can't make it\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/tickets/" + RESALE_ID))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(RESALE_ID.toString()))
			.andExpect(jsonPath("$.title").value("Concert"))
			.andExpect(jsonPath("$.price").value(1300))
			.andExpect(jsonPath("$.faceValue").value(1100))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.description").value("Can't make it"))
			.andExpect(jsonPath("$.venue").value("Arena"))
			.andExpect(jsonPath("$.eventAt").value("2099-06-01T19:30:00Z"))
			.andExpect(jsonPath("$.sellerId").value(HOLDER.toString()))
			.andExpect(jsonPath("$.resoldFrom").value(BOUGHT_ID.toString()))
			.andExpect(jsonPath("$.status").value("available"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.createdAt").value("2026-11-27T09:00:00.654321Z"))
			.andExpect(jsonPath("$.updatedAt").value("2026-11-27T09:00:00.654321Z"));

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, "Can't make it");
	}

	@Test
	void resellsWithoutADescriptionWhenItIsLeftOut() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300}")).andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "null", "\"\"", "\"   \"" })
	void resellsWithoutADescriptionWhenItIsBlank(String description) throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300, \"description\": " + description + "}"))
			.andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, null);
	}

	@Test
	void resellsWithTheDescriptionStripped() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300, \"description\": \"  Can't make it \"}"))
			.andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, "Can't make it");
	}

	@Test
	void resellsAtTheBoundsOfThePriceRange() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1}")).andExpect(status().isCreated());
		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 100000000, \"description\": \"" + "d".repeat(2000) + "\"}"))
			.andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1, null);
		verify(this.resales).resell(HOLDER, BOUGHT_ID, 100_000_000, "d".repeat(2000));
	}

	@Test
	void acceptsTheSessionCookieAsTheHolder() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc
			.perform(post("/api/tickets/{id}/resale", BOUGHT_ID).contentType(MediaType.APPLICATION_JSON)
				.content("{\"price\": 1300}")
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(HOLDER))))
			.andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, null);
	}

	@Test
	void resellsForAUserWithRolesAsForAnyHolder() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willReturn(RESALE);

		this.mvc
			.perform(resellWith(TestTokens.bearer(HOLDER, Roles.DOOR, Roles.SUPPORT), BOUGHT_ID, "{\"price\": 1300}"))
			.andExpect(status().isCreated());

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 1300, null);
	}

	static Stream<Arguments> refusals() {
		return Stream.of(Arguments.of(new TicketNotFoundException(), 404, "ticket_not_found"),
				Arguments.of(new NotHolderException(), 403, "not_holder"),
				Arguments.of(new AlreadyListedException(), 409, "already_listed"),
				Arguments.of(new AlreadyCheckedInException(CHECKED_IN_AT), 409, "already_checked_in"),
				Arguments.of(new PassVoidException(), 409, "pass_void"),
				Arguments.of(new EventOverException(), 409, "event_over"),
				Arguments.of(new PriceAboveCapException(1320, 1100, "EUR", 120), 400, "price_above_cap"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("refusals")
	void answersARefusedResaleWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any())).willThrow(refusal);

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300}"))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()));
	}

	@Test
	void answersTheResaleOfACheckedInTicketWith409SayingWhen() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any()))
			.willThrow(new AlreadyCheckedInException(CHECKED_IN_AT));

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 1300}"))
			.andExpect(problem(409, "already_checked_in"))
			.andExpect(jsonPath("$.checkedInAt").value("2099-06-01T19:02:03.456789Z"));
	}

	@Test
	void answersAPriceAboveTheCapWith400NamingTheHighestPriceAndThePrice() throws Exception {
		given(this.resales.resell(any(), any(), anyLong(), any()))
			.willThrow(new PriceAboveCapException(1320, 1100, "EUR", 120));

		this.mvc.perform(resell(BOUGHT_ID, "{\"price\": 5000}"))
			.andExpect(problem(400, "price_above_cap"))
			.andExpect(jsonPath("$.detail").value(containsString("1320")))
			.andExpect(jsonPath("$.errors[0].field").value("price"));

		verify(this.resales).resell(HOLDER, BOUGHT_ID, 5000, null);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1", "6f1c2d3e4b5a49688776a5b4c3d2e1f0", "held" })
	void answersAMalformedIdWith404TicketNotFoundWithoutAskingTheService(String id) throws Exception {
		this.mvc.perform(resell(id, "{\"price\": 1300}")).andExpect(problem(404, "ticket_not_found"));

		verifyNoInteractions(this.resales);
	}

	@Test
	void answersAResaleWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc
			.perform(post("/api/tickets/{id}/resale", BOUGHT_ID).contentType(MediaType.APPLICATION_JSON)
				.content("{\"price\": 1300}"))
			.andExpect(problem(401, "unauthenticated"));
		this.mvc
			.perform(post("/api/tickets/{id}/resale", "not-a-uuid").contentType(MediaType.APPLICATION_JSON)
				.content("{\"price\": 1300}"))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.resales);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWith401Unauthenticated(String name, Function<UUID, String> token) throws Exception {
		this.mvc.perform(resellWith("Bearer " + token.apply(HOLDER), BOUGHT_ID, "{\"price\": 1300}"))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));

		verifyNoInteractions(this.resales);
	}

	@Test
	void refusesACrossSiteResaleAuthenticatedByCookieWith403CsrfRejected() throws Exception {
		this.mvc
			.perform(post("/api/tickets/{id}/resale", BOUGHT_ID).contentType(MediaType.APPLICATION_JSON)
				.content("{\"price\": 1300}")
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(HOLDER)))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(problem(403, "csrf_rejected"));

		verifyNoInteractions(this.resales);
	}

	static Stream<Arguments> invalidResales() {
		return Stream.of(Arguments.of("{}", List.of("price")), Arguments.of("{\"price\": null}", List.of("price")),
				Arguments.of("{\"price\": 0}", List.of("price")), Arguments.of("{\"price\": -5}", List.of("price")),
				Arguments.of("{\"price\": 100000001}", List.of("price")),
				Arguments.of("{\"price\": 1300, \"description\": \"" + "d".repeat(2001) + "\"}",
						List.of("description")),
				Arguments.of("{\"price\": 1300, \"description\": \"a\\u0000b\"}", List.of("description")),
				Arguments.of("{\"price\": 0, \"description\": \"" + "d".repeat(2001) + "\"}",
						List.of("price", "description")));
	}

	@ParameterizedTest
	@MethodSource("invalidResales")
	void refusesAnInvalidResaleWith400NamingEachField(String body, List<String> fields) throws Exception {
		this.mvc.perform(resell(BOUGHT_ID, body)).andExpect(validationFailed(fields.toArray(String[]::new)));

		verifyNoInteractions(this.resales);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"price\": \"1300\"}", "{\"price\": 12.5}", "{\"price\": true}",
			"{\"price\": 1300, \"description\": 7}", "{\"price\": 1300", "{\"price\": 1300, \"price\": 1400}",
			"{\"price\": 1300} x", "[]", "\"price\"", "" })
	void refusesAnUnreadableBodyWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(resell(BOUGHT_ID, body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.resales);
	}

	@Test
	void refusesABodyThatIsNotJsonWith415() throws Exception {
		this.mvc
			.perform(post("/api/tickets/{id}/resale", BOUGHT_ID)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HOLDER))
				.contentType(MediaType.TEXT_PLAIN)
				.content("price=1300"))
			.andExpect(problem(415, "unsupported_media_type"));

		verifyNoInteractions(this.resales);
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc
			.perform(put("/api/tickets/{id}/resale", BOUGHT_ID)
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HOLDER))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"price\": 1300}"))
			.andExpect(problem(405, "method_not_allowed"));
		this.mvc
			.perform(get("/api/tickets/{id}/resale", BOUGHT_ID).header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(HOLDER)))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.resales);
	}

}
