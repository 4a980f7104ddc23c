package dev.ticketing.payments.payment;

import java.time.Instant;
import java.util.List;
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
import dev.ticketing.payments.order.OrderCancelledException;
import dev.ticketing.payments.order.OrderExpiredException;
import dev.ticketing.payments.order.OrderNotFoundException;
import dev.ticketing.payments.order.OrderPaidException;
import dev.ticketing.payments.provider.UnknownPaymentMethodException;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * {@code /api/payments} in a Spring MVC slice: each route reaches {@link PaymentService}
 * for the signed-in buyer with the right arguments (the {@code Idempotency-Key} among
 * them) and answers as DESIGN §2 says, and every refusal and bad input becomes its
 * problem.
 */
@ServiceWebMvcTest(PaymentController.class)
class PaymentControllerTests {

	private static final UUID BUYER = UUID.fromString("3d6f9a2b-8c1e-4f5d-a7b3-9e2c4d6f8a10");

	private static final UUID ORDER_ID = UUID.fromString("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d");

	private static final UUID PAYMENT_ID = UUID.fromString("5e4d3c2b-1a09-4f8e-9d7c-6b5a4f3e2d1c");

	private static final Instant CREATED_AT = Instant.parse("2026-11-25T10:20:00Z");

	private static final String PAY_JSON = "{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"pm_card_visa\"}";

	private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PaymentService payments;

	private static Payment payment() {
		return Payment.succeeded(PAYMENT_ID, ORDER_ID, BUYER, 1250, "EUR", "simulated", "sim_42", "payment-attempt",
				CREATED_AT);
	}

	private static MockHttpServletRequestBuilder asBuyer(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(BUYER));
	}

	private static MockHttpServletRequestBuilder pay(String body) {
		return asBuyer(post("/api/payments")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void paysTheBuyersOrderWith201AndThePaymentsLocation() throws Exception {
		given(this.payments.pay(any(), any(), any(), any())).willReturn(new PaymentOutcome.Paid(payment(), false));

		this.mvc.perform(pay(PAY_JSON))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/payments/" + PAYMENT_ID))
			.andExpect(header().doesNotExist("Idempotent-Replayed"))
			.andExpect(content().contentType(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.id").value(PAYMENT_ID.toString()))
			.andExpect(jsonPath("$.orderId").value(ORDER_ID.toString()))
			.andExpect(jsonPath("$.amount").value(1250))
			.andExpect(jsonPath("$.currency").value("EUR"))
			.andExpect(jsonPath("$.status").value("succeeded"))
			.andExpect(jsonPath("$.provider").value("simulated"))
			.andExpect(jsonPath("$.providerPaymentId").value("sim_42"))
			.andExpect(jsonPath("$.createdAt").value("2026-11-25T10:20:00Z"));

		verify(this.payments).pay(BUYER, ORDER_ID, "pm_card_visa", null);
	}

	@Test
	void passesTheIdempotencyKeyToTheService() throws Exception {
		given(this.payments.pay(any(), any(), any(), any())).willReturn(new PaymentOutcome.Paid(payment(), false));

		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, "checkout-7f3a:1"))
			.andExpect(status().isCreated())
			.andExpect(header().doesNotExist("Idempotent-Replayed"));

		verify(this.payments).pay(BUYER, ORDER_ID, "pm_card_visa", "checkout-7f3a:1");
	}

	@Test
	void marksAReplayedPaymentIdempotentReplayed() throws Exception {
		given(this.payments.pay(any(), any(), any(), any())).willReturn(new PaymentOutcome.Paid(payment(), true));

		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, "checkout-7f3a:1"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.LOCATION, "/api/payments/" + PAYMENT_ID))
			.andExpect(header().string("Idempotent-Replayed", "true"))
			.andExpect(jsonPath("$.id").value(PAYMENT_ID.toString()));
	}

	@Test
	void answersADeclineWith402PaymentDeclined() throws Exception {
		given(this.payments.pay(any(), any(), any(), any()))
			.willReturn(new PaymentOutcome.Declined("Your card was declined.", false));

		this.mvc.perform(pay("{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"pm_card_chargeDeclined\"}"))
			.andExpect(problem(402, "payment_declined"))
			.andExpect(jsonPath("$.detail").value("Your card was declined."))
			.andExpect(header().doesNotExist(HttpHeaders.LOCATION))
			.andExpect(header().doesNotExist("Idempotent-Replayed"));

		verify(this.payments).pay(BUYER, ORDER_ID, "pm_card_chargeDeclined", null);
	}

	@Test
	void marksAReplayedDeclineIdempotentReplayed() throws Exception {
		given(this.payments.pay(any(), any(), any(), any()))
			.willReturn(new PaymentOutcome.Declined("Your card was declined.", true));

		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, "k1"))
			.andExpect(problem(402, "payment_declined"))
			.andExpect(header().string("Idempotent-Replayed", "true"));
	}

	static Stream<Arguments> payRefusals() {
		return Stream.of(Arguments.of(new OrderNotFoundException(), 404, "order_not_found"),
				Arguments.of(new OrderCancelledException(), 409, "order_cancelled"),
				Arguments.of(new OrderExpiredException(), 409, "order_expired"),
				Arguments.of(new OrderPaidException(), 409, "order_paid"),
				Arguments.of(new IdempotencyKeyReusedException(), 422, "idempotency_key_reused"),
				Arguments.of(new ProviderUnavailableException(), 503, "payment_provider_unavailable"));
	}

	@ParameterizedTest(name = "{2}")
	@MethodSource("payRefusals")
	void answersARefusedPaymentWithItsProblem(DomainException refusal, int status, String code) throws Exception {
		given(this.payments.pay(any(), any(), any(), any())).willThrow(refusal);

		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, "k1"))
			.andExpect(problem(status, code))
			.andExpect(jsonPath("$.detail").value(refusal.getMessage()))
			.andExpect(header().doesNotExist("Idempotent-Replayed"));
	}

	@Test
	void answersAPaymentMethodTheProviderDoesNotKnowWith400NamingIt() throws Exception {
		given(this.payments.pay(any(), any(), any(), any())).willThrow(new UnknownPaymentMethodException());

		this.mvc.perform(pay("{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"pm_card_unknown\"}"))
			.andExpect(validationFailed("paymentMethod"));
	}

	@ParameterizedTest
	@MethodSource
	void refusesAnInvalidPaymentWith400NamingEachField(String body, List<String> fields) throws Exception {
		this.mvc.perform(pay(body)).andExpect(validationFailed(fields.toArray(String[]::new)));

		verifyNoInteractions(this.payments);
	}

	static Stream<Arguments> refusesAnInvalidPaymentWith400NamingEachField() {
		return Stream.of(Arguments.of("{\"paymentMethod\": \"pm_card_visa\"}", List.of("orderId")),
				Arguments.of("{\"orderId\": \"not-a-uuid\", \"paymentMethod\": \"pm_card_visa\"}", List.of("orderId")),
				Arguments.of("{\"orderId\": \"1-1-1-1-1\", \"paymentMethod\": \"pm_card_visa\"}", List.of("orderId")),
				Arguments.of("{\"orderId\": \"" + ORDER_ID + "\"}", List.of("paymentMethod")),
				Arguments.of("{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"\"}", List.of("paymentMethod")),
				Arguments.of("{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"pm card\"}",
						List.of("paymentMethod")),
				Arguments.of("{\"orderId\": \"" + ORDER_ID + "\", \"paymentMethod\": \"" + "p".repeat(256) + "\"}",
						List.of("paymentMethod")),
				Arguments.of("{}", List.of("orderId", "paymentMethod")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "has space", "naïve", "\t" })
	void refusesAMalformedIdempotencyKeyWith400NamingTheHeader(String key) throws Exception {
		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, key)).andExpect(validationFailed(IDEMPOTENCY_KEY));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesAnIdempotencyKeyOver255CharactersWith400NamingTheHeader() throws Exception {
		this.mvc.perform(pay(PAY_JSON).header(IDEMPOTENCY_KEY, "k".repeat(256)))
			.andExpect(validationFailed(IDEMPOTENCY_KEY));

		verifyNoInteractions(this.payments);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"orderId\": ", "{\"orderId\": 42, \"paymentMethod\": \"pm_card_visa\"}",
			"{\"orderId\": \"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d\", \"paymentMethod\": 7}",
			"{\"orderId\": \"a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d\", \"paymentMethod\": \"pm_card_visa\", \"paymentMethod\": \"tok_visa\"}",
			"[]", "" })
	void refusesAnUnreadableBodyWith400MalformedRequest(String body) throws Exception {
		this.mvc.perform(pay(body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesABodyThatIsNotJsonWith415() throws Exception {
		this.mvc.perform(asBuyer(post("/api/payments")).contentType(MediaType.TEXT_PLAIN).content(PAY_JSON))
			.andExpect(problem(415, "unsupported_media_type"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void answersTheBuyersFirstPageOfPaymentsByDefault() throws Exception {
		given(this.payments.list(any(), any(), any()))
			.willReturn(PageResponse.of(List.of(payment()), PageQuery.first(), 1));

		this.mvc.perform(asBuyer(get("/api/payments")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(1))
			.andExpect(jsonPath("$.items[0].id").value(PAYMENT_ID.toString()))
			.andExpect(jsonPath("$.items[0].status").value("succeeded"))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(20))
			.andExpect(jsonPath("$.totalItems").value(1))
			.andExpect(jsonPath("$.totalPages").value(1));

		verify(this.payments).list(BUYER, null, new PageQuery(0, 20));
	}

	@Test
	void listsThePaymentsOfOneOrderOnTheAskedPage() throws Exception {
		given(this.payments.list(any(), any(), any())).willReturn(PageResponse.of(List.of(), new PageQuery(1, 10), 0));

		this.mvc
			.perform(asBuyer(get("/api/payments")).param("orderId", ORDER_ID.toString())
				.param("page", "1")
				.param("size", "10"))
			.andExpect(status().isOk());

		verify(this.payments).list(BUYER, ORDER_ID, new PageQuery(1, 10));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({ "orderId, not-a-uuid", "page, -1", "size, 0", "size, 101", "size, ten" })
	void refusesABadQueryParameterWith400NamingIt(String name, String value) throws Exception {
		this.mvc.perform(asBuyer(get("/api/payments")).param(name, value)).andExpect(validationFailed(name));

		verifyNoInteractions(this.payments);
	}

	@Test
	void answersOneOfTheBuyersPayments() throws Exception {
		given(this.payments.get(BUYER, PAYMENT_ID, false)).willReturn(payment());

		this.mvc.perform(asBuyer(get("/api/payments/{id}", PAYMENT_ID)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(PAYMENT_ID.toString()))
			.andExpect(jsonPath("$.orderId").value(ORDER_ID.toString()));

		verify(this.payments).get(BUYER, PAYMENT_ID, false);
	}

	@Test
	void answersAnUnknownOrSomeoneElsesPaymentWith404PaymentNotFound() throws Exception {
		given(this.payments.get(any(), any(), anyBoolean())).willThrow(new PaymentNotFoundException());

		this.mvc.perform(asBuyer(get("/api/payments/{id}", PAYMENT_ID))).andExpect(problem(404, "payment_not_found"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not-a-uuid", "1-1-1-1-1" })
	void answersAMalformedIdWith404PaymentNotFoundWithoutAskingTheService(String id) throws Exception {
		this.mvc.perform(asBuyer(get("/api/payments/{id}", id))).andExpect(problem(404, "payment_not_found"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void answersEveryRouteWithoutATokenWith401Unauthenticated() throws Exception {
		this.mvc.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON).content(PAY_JSON))
			.andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/payments")).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/payments/{id}", PAYMENT_ID)).andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.payments);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void answersABadTokenWith401Unauthenticated(String name, Function<UUID, String> token) throws Exception {
		this.mvc
			.perform(post("/api/payments").contentType(MediaType.APPLICATION_JSON)
				.content(PAY_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.apply(BUYER))
				.header(IDEMPOTENCY_KEY, "k1"))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesAnUnsupportedMethodWith405() throws Exception {
		this.mvc.perform(asBuyer(delete("/api/payments/{id}", PAYMENT_ID)))
			.andExpect(problem(405, "method_not_allowed"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void letsSupportLookAnyPaymentUp() throws Exception {
		UUID agent = UUID.randomUUID();
		given(this.payments.get(agent, PAYMENT_ID, true)).willReturn(payment());

		this.mvc
			.perform(get("/api/payments/{id}", PAYMENT_ID).header(HttpHeaders.AUTHORIZATION,
					TestTokens.bearer(agent, "support")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(PAYMENT_ID.toString()));
	}

	private static MockHttpServletRequestBuilder refund(String body, String... roles) {
		return post("/api/payments/{id}/refunds", PAYMENT_ID)
			.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(BUYER, roles))
			.contentType(MediaType.APPLICATION_JSON)
			.content(body);
	}

	@Test
	void refundsOnSupportsRequestWith201AndTheRefundedPayment() throws Exception {
		given(this.payments.refundOnRequest(PAYMENT_ID, "Fake ticket reported at the door"))
			.willReturn(payment().refund(Payment.SUPPORT, CREATED_AT.plusSeconds(60)));

		this.mvc.perform(refund("{\"reason\": \"  Fake ticket reported at the door \"}", "support"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.id").value(PAYMENT_ID.toString()))
			.andExpect(jsonPath("$.status").value("refunded"));

		verify(this.payments).refundOnRequest(PAYMENT_ID, "Fake ticket reported at the door");
	}

	@Test
	void refusesARefundWithoutTheSupportRoleWith403() throws Exception {
		this.mvc.perform(refund("{\"reason\": \"mine\"}")).andExpect(problem(403, "forbidden"));
		this.mvc.perform(refund("{\"reason\": \"mine\"}", "door")).andExpect(problem(403, "forbidden"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesARefundWithoutASessionWith401() throws Exception {
		this.mvc
			.perform(post("/api/payments/{id}/refunds", PAYMENT_ID).contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}"))
			.andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.payments);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}", "{\"reason\": \"\"}", "{\"reason\": \"   \"}", "{\"reason\": null}" })
	void refusesARefundWithoutAReasonWith400(String body) throws Exception {
		this.mvc.perform(refund(body, "support")).andExpect(validationFailed("reason"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesAReasonLongerThan500CharactersWith400() throws Exception {
		this.mvc.perform(refund("{\"reason\": \"" + "x".repeat(501) + "\"}", "support"))
			.andExpect(validationFailed("reason"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void refusesMalformedJsonDuplicateKeysAndWrongTypesInARefundWith400() throws Exception {
		this.mvc.perform(refund("{\"reason\": ", "support")).andExpect(problem(400, "malformed_request"));
		this.mvc.perform(refund("{\"reason\": \"a\", \"reason\": \"b\"}", "support"))
			.andExpect(problem(400, "malformed_request"));
		this.mvc.perform(refund("{\"reason\": 42}", "support")).andExpect(problem(400, "malformed_request"));
		this.mvc.perform(refund("{\"reason\": [\"x\"]}", "support")).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void answersARefundOfABadIdWith404() throws Exception {
		this.mvc
			.perform(post("/api/payments/{id}/refunds", "not-a-uuid")
				.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(BUYER, "support"))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\": \"x\"}"))
			.andExpect(problem(404, "payment_not_found"));

		verifyNoInteractions(this.payments);
	}

	@Test
	void answersARefundOfARefundedPaymentWith409AlreadyRefunded() throws Exception {
		given(this.payments.refundOnRequest(eq(PAYMENT_ID), any())).willThrow(new PaymentAlreadyRefundedException());

		this.mvc.perform(refund("{\"reason\": \"again\"}", "support")).andExpect(problem(409, "already_refunded"));
	}

}
