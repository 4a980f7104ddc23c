package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

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
import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.hamcrest.Matchers.nullValue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/orders} in a Spring MVC slice: each route reaches {@link OrderService} for
 * the signed-in buyer with the right arguments and answers as DESIGN §2 says, and every
 * refusal and bad input becomes its problem.
 */
@ServiceWebMvcTest(OrderController.class)
class OrderControllerTests {

	private static final UUID BUYER = UUID.fromString("3d6f9a2b-8c1e-4f5d-a7b3-9e2c4d6f8a10");

	private static final UUID ORDER_ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

	private static final UUID TICKET_ID = UUID.fromString("6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0");

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:15:30Z");

	private static final Instant EXPIRES_AT = Instant.parse("2026-11-25T10:30:30Z");

	private static final String PLACE_JSON = "{\"ticketId\": \"" + TICKET_ID + "\"}";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private OrderService orders;

	private static Order order(OrderStatus status, CancelReason reason, long version) {
		return new Order(ORDER_ID, BUYER, new OrderedTicket(TICKET_ID, "Concert", 1250, "EUR", null, null), status,
				reason, null, EXPIRES_AT, version, CREATED_AT, CREATED_AT);
	}

	private static MockHttpServletRequestBuilder asBuyer(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(BUYER));
	}

	private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
		return request.contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void placesAnOrderForTheSignedInBuyerWith201AndItsLocation() throws Exception {
		given(this.orders.place(any(), any())).willReturn(order(OrderStatus.CREATED, null, 1));

		this.mvc.perform(json(asBuyer(post("/api/orders")), PLACE_JSON))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/orders/" + ORDER_ID))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(ORDER_ID.toString()))
			.andExpect(jsonPath("$.status").value("created"))
			.andExpect(jsonPath("$.userId").value(BUYER.toString()))
			.andExpect(jsonPath("$.expiresAt").value("2026-11-25T10:30:30Z"))
			.andExpect(jsonPath("$.ticket.id").value(TICKET_ID.toString()))
			.andExpect(jsonPath("$.ticket.title").value("Concert"))
			.andExpect(jsonPath("$.ticket.price").value(1250))
			.andExpect(jsonPath("$.ticket.currency").value("EUR"))
			.andExpect(jsonPath("$.version").value(1))
			.andExpect(jsonPath("$.createdAt").value("2026-11-25T10:15:30Z"))
			.andExpect(jsonPath("$.cancelReason").value(nullValue()));

		verify(this.orders).place(BUYER, TICKET_ID);
	}

	@Test
	void readsATicketIdInUpperCase() throws Exception {
		given(this.orders.place(any(), any())).willReturn(order(OrderStatus.CREATED, null, 1));

		this.mvc
			.perform(json(asBuyer(post("/api/orders")),
					"{\"ticketId\": \"" + TICKET_ID.toString().toUpperCase(Locale.ROOT) + "\"}"))
			.andExpect(status().isCreated());

		verify(this.orders).place(BUYER, TICKET_ID);
	}

	static Stream<Arguments> placeRefusals() {
		return Stream.of(Arguments.of(new TicketNotFoundException(), 404, "ticket_not_found"),
				Arguments.of(new OwnTicketException(), 403, "own_ticket"),
				Arguments.of(new TicketUnavailableException(), 409, "ticket_unavailable"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("placeRefusals")
	void answersARefusedOrderWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		given(this.orders.place(any(), any())).willThrow(refusal);

		this.mvc.perform(json(asBuyer(post("/api/orders")), PLACE_JSON))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"ticketId\": null}", "{\"ticketId\": \"\"}", "{\"ticketId\": \"not-a-uuid\"}",
			"{\"ticketId\": \"1-1-1-1-1\"}", "{\"ticketId\": \"6f1c2d3e4b5a49688776a5b4c3d2e1f0\"}" })
	void refusesAnOrderWithoutAValidTicketIdWith400NamingIt(String body) throws Exception {
		this.mvc.perform(json(asBuyer(post("/api/orders")), body)).andExpect(validationFailed("ticketId"));

		verifyNoInteractions(this.orders);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"ticketId\": ", "{\"ticketId\": 42}", "{\"ticketId\": true}",
			"{\"ticketId\": [\"6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0\"]}",
			"{\"ticketId\": \"6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0\", \"ticketId\": \"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d\"}",
			"{\"ticketId\": \"6f1c2d3e-4b5a-4968-8776-a5b4c3d2e1f0\"} x", "[]", "" })
	void refusesAnUnreadableBodyWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(json(asBuyer(post("/api/orders")), body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.orders);
	}

	@Test
	void refusesABodyThatIsNotJsonWith415() throws Exception {
		this.mvc
			.perform(asBuyer(post("/api/orders")).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.content("ticketId=" + TICKET_ID))
			.andExpect(problem(415, "unsupported_media_type"));

		verifyNoInteractions(this.orders);
	}

	@Test
	void answersTheBuyersFirstPageOfOrdersByDefault() throws Exception {
		given(this.orders.list(any(), any())).willReturn(
				PageResponse.of(List.of(order(OrderStatus.CANCELLED, CancelReason.EXPIRED, 2)), PageQuery.first(), 1));

		this.mvc.perform(asBuyer(get("/api/orders")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(ORDER_ID.toString()))
			.andExpect(jsonPath("$.items[0].status").value("cancelled"))
			.andExpect(jsonPath("$.items[0].cancelReason").value("expired"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.totalPages").value(1));

		verify(this.orders).list(BUYER, new PageQuery(0, 20));
	}

	@Test
	void passesTheAskedPageToTheList() throws Exception {
		given(this.orders.list(any(), any())).willReturn(PageResponse.of(List.of(), new PageQuery(3, 100), 0));

		this.mvc.perform(asBuyer(get("/api/orders")).param("page", "3").param("size", "100"))
			.andExpect(status().isOk());

		verify(this.orders).list(BUYER, new PageQuery(3, 100));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "page, -1", "page, one", "size, 0", "size, 101", "size, 1e2" })
	void refusesBadPagingWith400NamingTheParameter(String name, String value) throws Exception {
		this.mvc.perform(asBuyer(get("/api/orders")).param(name, value)).andExpect(validationFailed(name));

		verifyNoInteractions(this.orders);
	}

	@Test
	void answersOneOfTheBuyersOrders() throws Exception {
		given(this.orders.get(BUYER, ORDER_ID)).willReturn(order(OrderStatus.COMPLETE, null, 2));

		this.mvc.perform(asBuyer(get("/api/orders/{id}", ORDER_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(ORDER_ID.toString()))
			.andExpect(jsonPath("$.status").value("complete"))
			.andExpect(jsonPath("$.version").value(2));

		verify(this.orders).get(BUYER, ORDER_ID);
	}

	@Test
	void answersAnUnknownOrSomeoneElsesOrderWith404OrderNotFound() throws Exception {
		given(this.orders.get(any(), any())).willThrow(new OrderNotFoundException());

		this.mvc.perform(asBuyer(get("/api/orders/{id}", ORDER_ID))).andExpect(problem(404, "order_not_found"));
	}

	@Test
	void cancelsOneOfTheBuyersOrdersWith204() throws Exception {
		this.mvc.perform(asBuyer(delete("/api/orders/{id}", ORDER_ID)))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));

		verify(this.orders).cancel(BUYER, ORDER_ID);
	}

	static Stream<Arguments> cancelRefusals() {
		return Stream.of(Arguments.of(new OrderNotFoundException(), 404, "order_not_found"),
				Arguments.of(new OrderNotCancellableException(), 409, "order_not_cancellable"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("cancelRefusals")
	void answersARefusedCancellationWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		willThrow(refusal).given(this.orders).cancel(any(), any());

		this.mvc.perform(asBuyer(delete("/api/orders/{id}", ORDER_ID)))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1", "a1b2c3d4e5f64a7b8c9d0e1f2a3b4c5d" })
	void answersAMalformedIdWith404OrderNotFoundWithoutAskingTheService(String id) throws Exception {
		this.mvc.perform(asBuyer(get("/api/orders/{id}", id))).andExpect(problem(404, "order_not_found"));
		this.mvc.perform(asBuyer(delete("/api/orders/{id}", id))).andExpect(problem(404, "order_not_found"));

		verifyNoInteractions(this.orders);
	}

	@Test
	void answersEveryRouteWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc.perform(json(post("/api/orders"), PLACE_JSON)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/orders")).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/orders/{id}", ORDER_ID)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(delete("/api/orders/{id}", ORDER_ID)).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/orders/{id}", "not-a-uuid")).andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.orders);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWith401Unauthenticated(String name, Function<UUID, String> token) throws Exception {
		this.mvc.perform(get("/api/orders").header(HttpHeaders.AUTHORIZATION, "Bearer " + token.apply(BUYER)))
			.andExpect(problem(401, "unauthenticated"));
		this.mvc
			.perform(json(post("/api/orders"), PLACE_JSON).header(HttpHeaders.AUTHORIZATION,
					"Bearer " + token.apply(BUYER)))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.orders);
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(json(asBuyer(put("/api/orders/{id}", ORDER_ID)), PLACE_JSON))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.orders);
	}

}
