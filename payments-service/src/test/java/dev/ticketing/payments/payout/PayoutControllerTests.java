package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.ticketing.common.testing.ServiceWebMvcTest;
import dev.ticketing.common.testing.TestTokens;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

import static dev.ticketing.common.testing.ProblemResults.problem;
import static dev.ticketing.common.testing.ProblemResults.validationFailed;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The seller's payout routes in a Spring MVC slice: each reaches {@link PayoutService}
 * for the signed-in seller and maps its answer, and bad input never reaches it.
 */
@ServiceWebMvcTest(PayoutController.class)
class PayoutControllerTests {

	private static final UUID SELLER = UUID.fromString("6a2f0c1e-93b4-4d57-8e21-0f4b7c9d3e58");

	private static final Instant AT = Instant.parse("2026-12-01T09:00:00Z");

	@Autowired
	private MockMvc mvc;

	@MockitoBean
	private PayoutService payouts;

	private static MockHttpServletRequestBuilder asSeller(MockHttpServletRequestBuilder request) {
		return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(SELLER));
	}

	private MockHttpServletRequestBuilder setAccount(String body) {
		return asSeller(put("/api/payments/payout-account")).contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void setsThePayoutAccountAndShowsItsReferenceMasked() throws Exception {
		given(this.payouts.setAccount(SELLER, "stripe", "acct_1Nv0FGQ9RKHgCVdK"))
			.willReturn(new PayoutAccount(SELLER, "stripe", "acct_1Nv0FGQ9RKHgCVdK", AT));

		this.mvc.perform(setAccount("{\"method\": \"stripe\", \"reference\": \"acct_1Nv0FGQ9RKHgCVdK\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.method").value("stripe"))
			.andExpect(jsonPath("$.reference").value("•••••••••••••••••CVdK"))
			.andExpect(jsonPath("$.updatedAt").value("2026-12-01T09:00:00Z"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"reference\": \"x\"}", "{\"method\": \"wire\", \"reference\": \"x\"}",
			"{\"method\": null, \"reference\": \"x\"}" })
	void refusesAMissingOrUnknownMethodWith400(String body) throws Exception {
		this.mvc.perform(setAccount(body)).andExpect(validationFailed("method"));

		verifyNoInteractions(this.payouts);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"method\": \"simulated\"}", "{\"method\": \"simulated\", \"reference\": \"\"}",
			"{\"method\": \"simulated\", \"reference\": \"a b\"}",
			"{\"method\": \"simulated\", \"reference\": \"é\"}" })
	void refusesAMissingOrMalformedReferenceWith400(String body) throws Exception {
		this.mvc.perform(setAccount(body)).andExpect(validationFailed("reference"));

		verifyNoInteractions(this.payouts);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"method\": 1, \"reference\": \"x\"}", "{\"method\": \"simulated\", \"reference\": {}}",
			"{\"method\": \"simulated\", \"method\": \"stripe\", \"reference\": \"x\"}", "{", "[]" })
	void refusesWrongTypesDuplicateKeysAndMalformedJsonWith400(String body) throws Exception {
		this.mvc.perform(setAccount(body)).andExpect(problem(400, "malformed_request"));

		verifyNoInteractions(this.payouts);
	}

	@Test
	void answersAMissingPayoutAccountWith404() throws Exception {
		given(this.payouts.account(SELLER)).willThrow(new PayoutAccountNotFoundException());

		this.mvc.perform(asSeller(get("/api/payments/payout-account")))
			.andExpect(problem(404, "payout_account_not_found"));
	}

	@Test
	void answersTheSellersEarningsPerCurrency() throws Exception {
		given(this.payouts.earnings(SELLER))
			.willReturn(new Earnings(List.of(new Earnings.Balance("EUR", 12_500, -300, 11_875)), AT));

		this.mvc.perform(asSeller(get("/api/payments/earnings")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balances[0].currency").value("EUR"))
			.andExpect(jsonPath("$.balances[0].pending").value(12_500))
			.andExpect(jsonPath("$.balances[0].available").value(-300))
			.andExpect(jsonPath("$.balances[0].paidOut").value(11_875))
			.andExpect(jsonPath("$.nextReleaseAt").value("2026-12-01T09:00:00Z"));
	}

	@Test
	void answersNoReleaseDateAsNull() throws Exception {
		given(this.payouts.earnings(SELLER)).willReturn(new Earnings(List.of(), null));

		this.mvc.perform(asSeller(get("/api/payments/earnings")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.balances").isEmpty())
			.andExpect(jsonPath("$.nextReleaseAt").isEmpty());
	}

	@Test
	void answersTheSellersPayoutsAsAPage() throws Exception {
		UUID id = UUID.randomUUID();
		Payout payout = new Payout(id, SELLER, 11_875, "EUR", "simulated", "bank", "group", Payout.PAID, 1, AT,
				AT.plusSeconds(2), "sim_tr_1");
		given(this.payouts.payouts(any(), any())).willReturn(PageResponse.of(List.of(payout), PageQuery.first(), 1));

		this.mvc.perform(asSeller(get("/api/payments/payouts")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].id").value(id.toString()))
			.andExpect(jsonPath("$.items[0].status").value("paid"))
			.andExpect(jsonPath("$.items[0].paidAt").value("2026-12-01T09:00:02Z"))
			.andExpect(jsonPath("$.items[0].reference").doesNotExist())
			.andExpect(jsonPath("$.totalItems").value(1));
	}

	@Test
	void answersEveryRouteWithoutATokenWith401() throws Exception {
		this.mvc.perform(get("/api/payments/earnings")).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/payments/payouts")).andExpect(problem(401, "unauthenticated"));
		this.mvc.perform(get("/api/payments/payout-account")).andExpect(problem(401, "unauthenticated"));

		verifyNoInteractions(this.payouts);
	}

}
