package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
import dev.ticketing.common.security.Roles;
import dev.ticketing.common.security.SessionCookies;
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;
import dev.ticketing.tickets.ticket.Listing;
import dev.ticketing.tickets.ticket.Ticket;
import dev.ticketing.tickets.ticket.TicketStatus;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Passes under {@code /api/tickets} in a Spring MVC slice: each route reaches
 * {@link PassService} with the right arguments and answers as DESIGN §2 says, every
 * refusal becomes its problem, and the routes {@link PassRoutes} declares (picked up by
 * {@code @ServiceWebMvcTest} with every {@code ProtectedRoutes} bean, so not imported)
 * need a signed-in user, or the {@code door} role to check in.
 */
@ServiceWebMvcTest(PassController.class)
class PassControllerTests {

	private static final UUID HOLDER = UUID.fromString("0b9a5f64-1f2e-4c1d-9a0e-5d8a7c6b4e31");

	private static final UUID SELLER = UUID.fromString("1c8b6e75-2a3f-4d2e-8b1f-6e9b8d7c5f42");

	private static final UUID DOORKEEPER = UUID.fromString("2d7c5f86-3b4a-4e3f-9c2a-7fac9e8d6a53");

	private static final UUID TICKET_ID = UUID.fromString("6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0");

	private static final UUID PASS_ID = UUID.fromString("7a2d3e4f-5c6b-4a79-9887-b6c5d4e3f2a1");

	private static final UUID ORIGIN = UUID.fromString("8b3e4f5a-6d7c-4b8a-a998-c7d6e5f4a3b2");

	private static final UUID ORDER = UUID.fromString("9c4f5a6b-7e8d-4c9b-baa9-d8e7f6a5b4c3");

	private static final UUID RESALE = UUID.fromString("ad5a6b7c-8f9e-4dac-8bba-e9f8a7b6c5d4");

	private static final String CODE = "eyJraWQiOiJrIiwiYWxnIjoiRWREU0EifQ.eyJwaWQiOiJwIn0.c2ln";

	private static final Instant EVENT_AT = Instant.parse("2099-06-01T19:30:00Z");

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:15:30Z");

	private static final Instant ISSUED_AT = Instant.parse("2026-11-26T08:00:00.123456Z");

	private static final Instant CHECKED_IN_AT = Instant.parse("2099-06-01T19:02:03.456789Z");

	private static final Ticket TICKET = new Ticket(TICKET_ID,
			new Listing("Concert", 1250, "EUR", "Front row", "Arena", EVENT_AT), 1100, ORIGIN, SELLER,
			TicketStatus.SOLD, ORDER, 3, CREATED_AT, ISSUED_AT);

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PassService passes;

	private static Pass pass(PassStatus status) {
		return new Pass(PASS_ID, TICKET_ID, ORIGIN, HOLDER, ORDER, status, CODE,
				(status == PassStatus.VALID) ? null : RESALE, (status == PassStatus.VOID) ? VoidReason.RESOLD : null,
				ISSUED_AT, (status == PassStatus.USED) ? CHECKED_IN_AT : null, null, ISSUED_AT);
	}

	private static MockHttpServletRequestBuilder asHolder(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(HOLDER));
	}

	private static MockHttpServletRequestBuilder checkIn(String body, String... roles) {
		return post("/api/tickets/checkins").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(DOORKEEPER, roles))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	private static MockHttpServletRequestBuilder checkIn(String body) {
		return checkIn(body, Roles.DOOR);
	}

	@Test
	void answersTheHoldersPassesAsTicketAndPassEntriesOfTheFirstPageByDefault() throws Exception {
		given(this.passes.held(any(), any())).willReturn(PageResponse
			.of(List.of(new PassService.HeldPass(TICKET, pass(PassStatus.VALID))), PageQuery.first(), 21));

		this.mvc.perform(asHolder(get("/api/tickets/held")))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].ticket.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.items[0].ticket.title").value("Concert"))
			.andExpect(jsonPath("$.items[0].ticket.price").value(1250))
			.andExpect(jsonPath("$.items[0].ticket.faceValue").value(1100))
			.andExpect(jsonPath("$.items[0].ticket.currency").value("EUR"))
			.andExpect(jsonPath("$.items[0].ticket.venue").value("Arena"))
			.andExpect(jsonPath("$.items[0].ticket.eventAt").value("2099-06-01T19:30:00Z"))
			.andExpect(jsonPath("$.items[0].ticket.sellerId").value(SELLER.toString()))
			.andExpect(jsonPath("$.items[0].ticket.resoldFrom").value(ORIGIN.toString()))
			.andExpect(jsonPath("$.items[0].ticket.status").value("sold"))
			.andExpect(jsonPath("$.items[0].ticket.version").value(3))
			.andExpect(jsonPath("$.items[0].pass.id").value(PASS_ID.toString()))
			.andExpect(jsonPath("$.items[0].pass.ticketId").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.items[0].pass.holderId").value(HOLDER.toString()))
			.andExpect(jsonPath("$.items[0].pass.status").value("valid"))
			.andExpect(jsonPath("$.items[0].pass.code").value(CODE))
			.andExpect(jsonPath("$.items[0].pass.issuedAt").value("2026-11-26T08:00:00.123456Z"))
			.andExpect(jsonPath("$.items[0].pass").value(hasKey("checkedInAt")))
			.andExpect(jsonPath("$.items[0].pass.checkedInAt").value(nullValue()))
			.andExpect(jsonPath("$.items[0]").value(not(hasKey("originId"))))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(21))
			.andExpect(jsonPath("$.totalPages").value(2));

		verify(this.passes).held(HOLDER, PageQuery.first());
	}

	@Test
	void showsThePassesFieldsOfDesignOnlyAndNoneOfItsInternals() throws Exception {
		given(this.passes.pass(any(), any())).willReturn(pass(PassStatus.VOID));

		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", TICKET_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$").value(not(hasKey("originId"))))
			.andExpect(jsonPath("$").value(not(hasKey("orderId"))))
			.andExpect(jsonPath("$").value(not(hasKey("resaleId"))))
			.andExpect(jsonPath("$").value(not(hasKey("voidReason"))))
			.andExpect(jsonPath("$").value(not(hasKey("voidedAt"))))
			.andExpect(jsonPath("$").value(not(hasKey("updatedAt"))));
	}

	@Test
	void answersTheHeldPageAskedFor() throws Exception {
		given(this.passes.held(any(), any())).willReturn(PageResponse.of(List.of(), new PageQuery(2, 5), 0));

		this.mvc.perform(asHolder(get("/api/tickets/held").param("page", "2").param("size", "5")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(5));

		verify(this.passes).held(HOLDER, new PageQuery(2, 5));
	}

	@Test
	void showsACodeInTheHeldPageOnlyForValidPasses() throws Exception {
		given(this.passes.held(any(), any()))
			.willReturn(PageResponse.of(Stream.of(PassStatus.VALID, PassStatus.LISTED, PassStatus.USED, PassStatus.VOID)
				.map((status) -> new PassService.HeldPass(TICKET, pass(status)))
				.toList(), PageQuery.first(), 4));

		this.mvc.perform(asHolder(get("/api/tickets/held")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[*].pass.status").value(contains("valid", "listed", "used", "void")))
			.andExpect(jsonPath("$.items[0].pass.code").value(CODE))
			.andExpect(jsonPath("$.items[1].pass").value(not(hasKey("code"))))
			.andExpect(jsonPath("$.items[2].pass").value(not(hasKey("code"))))
			.andExpect(jsonPath("$.items[2].pass.checkedInAt").value("2099-06-01T19:02:03.456789Z"))
			.andExpect(jsonPath("$.items[3].pass").value(not(hasKey("code"))));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "page, -1", "page, x", "size, 0", "size, 101", "size, 2.5" })
	void refusesBadPagingOfTheHeldPageWith400NamingIt(String name, String value) throws Exception {
		this.mvc.perform(asHolder(get("/api/tickets/held").param(name, value))).andExpect(validationFailed(name));

		verifyNoInteractions(this.passes);
	}

	@Test
	void answersTheHoldersValidPassWithItsCode() throws Exception {
		given(this.passes.pass(any(), any())).willReturn(pass(PassStatus.VALID));

		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", TICKET_ID)))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(PASS_ID.toString()))
			.andExpect(jsonPath("$.ticketId").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.holderId").value(HOLDER.toString()))
			.andExpect(jsonPath("$.status").value("valid"))
			.andExpect(jsonPath("$.code").value(CODE))
			.andExpect(jsonPath("$.issuedAt").value("2026-11-26T08:00:00.123456Z"))
			.andExpect(jsonPath("$").value(hasKey("checkedInAt")))
			.andExpect(jsonPath("$.checkedInAt").value(nullValue()));

		verify(this.passes).pass(HOLDER, TICKET_ID);
	}

	@ParameterizedTest
	@CsvSource({ "LISTED, listed", "USED, used", "VOID, void" })
	void answersAPassThatDoesNotAdmitWithoutACodeAtAll(PassStatus status, String value) throws Exception {
		given(this.passes.pass(any(), any())).willReturn(pass(status));

		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", TICKET_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value(value))
			.andExpect(jsonPath("$").value(not(hasKey("code"))))
			.andExpect(content().string(not(containsString(CODE))));
	}

	@Test
	void answersAUsedPassWithItsCheckInTime() throws Exception {
		given(this.passes.pass(any(), any())).willReturn(pass(PassStatus.USED));

		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", TICKET_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.checkedInAt").value("2099-06-01T19:02:03.456789Z"));
	}

	@Test
	void answersNoPassOrSomeoneElsesWith404PassNotFound() throws Exception {
		given(this.passes.pass(any(), any())).willThrow(new PassNotFoundException());

		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", TICKET_ID)))
			.andExpect(problem(404, "pass_not_found"))
			.andExpect(jsonPath("$.detail").value("You hold no pass for this ticket."));

		verify(this.passes).pass(HOLDER, TICKET_ID);
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1", "6f1c2d3e4b5a49688776a5b4c3d2e1f0", "held" })
	void answersAMalformedIdWith404PassNotFoundWithoutAskingTheService(String id) throws Exception {
		this.mvc.perform(asHolder(get("/api/tickets/{id}/pass", id))).andExpect(problem(404, "pass_not_found"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void acceptsTheSessionCookieAsTheHolder() throws Exception {
		given(this.passes.pass(any(), any())).willReturn(pass(PassStatus.VALID));

		this.mvc
			.perform(get("/api/tickets/{id}/pass", TICKET_ID)
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(HOLDER))))
			.andExpect(status().isOk());

		verify(this.passes).pass(HOLDER, TICKET_ID);
	}

	@Test
	void answersTheHoldersRoutesWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc.perform(get("/api/tickets/held")).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/tickets/{id}/pass", TICKET_ID)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/tickets/{id}/pass", "not-a-uuid")).andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.passes);
	}

	/**
	 * Spring MVC answers HEAD with the GET handler, so the holder's routes need a
	 * signed-in user for HEAD too: without one the handler has no user to ask for.
	 */
	@Test
	void answersAHeadOfTheHoldersRoutesWithoutATokenWith401() throws Exception {
		this.mvc.perform(head("/api/tickets/held")).andExpect(status().isUnauthorized());
		this.mvc.perform(head("/api/tickets/{id}/pass", TICKET_ID)).andExpect(status().isUnauthorized());

		verifyNoInteractions(this.passes);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWith401Unauthenticated(String name, Function<UUID, String> token) throws Exception {
		String bearer = "Bearer " + token.apply(HOLDER);
		this.mvc.perform(get("/api/tickets/held").header(HttpHeaders.AUTHORIZATION, bearer))
			.andExpect(problem(401, "unauthenticated"))
			.andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, containsString("invalid_token")));
		this.mvc.perform(get("/api/tickets/{id}/pass", TICKET_ID).header(HttpHeaders.AUTHORIZATION, bearer))
			.andExpect(problem(401, "unauthenticated"));
		this.mvc
			.perform(post("/api/tickets/checkins").header(HttpHeaders.AUTHORIZATION, bearer)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void checksInACodeAndAnswersTheUsedPassAndItsTicket() throws Exception {
		given(this.passes.checkIn(any())).willReturn(new PassService.CheckIn(pass(PassStatus.USED), TICKET));

		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.pass.id").value(PASS_ID.toString()))
			.andExpect(jsonPath("$.pass.status").value("used"))
			.andExpect(jsonPath("$.pass.checkedInAt").value("2099-06-01T19:02:03.456789Z"))
			.andExpect(jsonPath("$.pass.length()").value(3))
			.andExpect(jsonPath("$.ticket.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.ticket.title").value("Concert"))
			.andExpect(jsonPath("$.ticket.venue").value("Arena"))
			.andExpect(jsonPath("$.ticket.eventAt").value("2099-06-01T19:30:00Z"))
			.andExpect(jsonPath("$.ticket.length()").value(4))
			.andExpect(jsonPath("$.length()").value(2))
			.andExpect(content().string(not(containsString(HOLDER.toString()))));

		verify(this.passes).checkIn(CODE);
	}

	@Test
	void checksInATicketWithoutVenueOrTimeWithNulls() throws Exception {
		Ticket bare = new Ticket(TICKET_ID, new Listing("Concert", 1250, "USD", null, null, null), 1250, null, SELLER,
				TicketStatus.SOLD, ORDER, 2, CREATED_AT, ISSUED_AT);
		given(this.passes.checkIn(any())).willReturn(new PassService.CheckIn(pass(PassStatus.USED), bare));

		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.ticket").value(hasKey("venue")))
			.andExpect(jsonPath("$.ticket.venue").value(nullValue()))
			.andExpect(jsonPath("$.ticket").value(hasKey("eventAt")))
			.andExpect(jsonPath("$.ticket.eventAt").value(nullValue()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " ", "garbage", "x" })
	void passesAnyTextToTheServiceAsItIs(String code) throws Exception {
		given(this.passes.checkIn(any())).willThrow(new CodeInvalidException());

		this.mvc.perform(checkIn("{\"code\": \"" + code + "\"}")).andExpect(problem(400, "code_invalid"));

		verify(this.passes).checkIn(code);
	}

	@Test
	void checksInWithTheDoorRoleAmongOthers() throws Exception {
		given(this.passes.checkIn(any())).willReturn(new PassService.CheckIn(pass(PassStatus.USED), TICKET));

		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}", Roles.SUPPORT, Roles.DOOR)).andExpect(status().isOk());

		verify(this.passes).checkIn(CODE);
	}

	static Stream<Arguments> checkInRefusals() {
		return Stream.of(Arguments.of(new CodeInvalidException(), 400, "code_invalid"),
				Arguments.of(new TicketListedException(), 409, "ticket_listed"),
				Arguments.of(new PassVoidException(), 409, "pass_void"),
				Arguments.of(new AlreadyCheckedInException(CHECKED_IN_AT), 409, "already_checked_in"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("checkInRefusals")
	void answersARefusedCheckInWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		given(this.passes.checkIn(any())).willThrow(refusal);

		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()));
	}

	@Test
	void answersASecondCheckInWith409AlreadyCheckedInSayingWhen() throws Exception {
		given(this.passes.checkIn(any())).willThrow(new AlreadyCheckedInException(CHECKED_IN_AT));

		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(409, "already_checked_in"))
			.andExpect(jsonPath("$.checkedInAt").value("2099-06-01T19:02:03.456789Z"))
			.andExpect(jsonPath("$.detail").value("This ticket was already checked in at 2099-06-01T19:02:03Z."));
	}

	@Test
	void answersACheckInWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc
			.perform(post("/api/tickets/checkins").contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void refusesACheckInByAUserWithoutTheDoorRoleWith403Forbidden() throws Exception {
		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}", new String[0])).andExpect(problem(403, "forbidden"));
		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}", Roles.SUPPORT)).andExpect(problem(403, "forbidden"));
		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}", "DOOR")).andExpect(problem(403, "forbidden"));
		this.mvc.perform(checkIn("{\"code\": \"" + CODE + "\"}", "ROLE_door")).andExpect(problem(403, "forbidden"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void refusesACheckInByTheHolderWith403Forbidden() throws Exception {
		this.mvc
			.perform(asHolder(post("/api/tickets/checkins")).contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(403, "forbidden"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void refusesACrossSiteCheckInAuthenticatedByCookieWith403CsrfRejected() throws Exception {
		this.mvc
			.perform(post("/api/tickets/checkins").contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + CODE + "\"}")
				.cookie(new Cookie(SessionCookies.SESSION, TestTokens.accessToken(DOORKEEPER, Roles.DOOR)))
				.header("Sec-Fetch-Site", "cross-site"))
			.andExpect(problem(403, "csrf_rejected"));

		verifyNoInteractions(this.passes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"code\": null}" })
	void refusesACheckInWithoutACodeWith400NamingCode(String body) throws Exception {
		this.mvc.perform(checkIn(body)).andExpect(validationFailed("code"));

		verifyNoInteractions(this.passes);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"code\": 12}", "{\"code\": [\"a\"]}", "{\"code\": {}}", "{\"code\": true}",
			"{\"code\": ", "{\"code\": \"a\", \"code\": \"b\"}", "{\"code\": \"a\"} {}", "[]", "\"code\"", "" })
	void refusesAnUnreadableCheckInWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(checkIn(body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void refusesACheckInThatIsNotJsonWith415() throws Exception {
		this.mvc
			.perform(post("/api/tickets/checkins")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(DOORKEEPER, Roles.DOOR))
				.contentType(MediaType.TEXT_PLAIN)
				.content(CODE))
			.andExpect(problem(415, "unsupported_media_type"));

		verifyNoInteractions(this.passes);
	}

	@Test
	void publishesThePassKeysToAnyoneForFiveMinutes() throws Exception {
		Map<String, Object> jwks = Map.of("keys", List
			.of(Map.of("kty", "OKP", "crv", "Ed25519", "x", "AAAA", "kid", "k1", "alg", "EdDSA", "use", "sig")));
		given(this.passes.jwkSet()).willReturn(jwks);

		this.mvc.perform(get("/api/tickets/.well-known/jwks.json"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("max-age=300")))
			.andExpect(header().string(HttpHeaders.CACHE_CONTROL, containsString("public")))
			.andExpect(jsonPath("$.keys.length()").value(1))
			.andExpect(jsonPath("$.keys[0].kid").value("k1"))
			.andExpect(jsonPath("$.keys[0].x").value("AAAA"));
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(asHolder(post("/api/tickets/held"))).andExpect(problem(405, "method_not_allowed"));
		this.mvc
			.perform(put("/api/tickets/checkins")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(DOORKEEPER, Roles.DOOR))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"code\": \"" + CODE + "\"}"))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.passes);
	}

}
