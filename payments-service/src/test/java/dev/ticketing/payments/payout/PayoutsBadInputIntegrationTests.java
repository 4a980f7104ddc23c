package dev.ticketing.payments.payout;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on the payout, earnings, refund and ledger routes, through HTTP against the
 * real database: each is a problem+json refusal, and nothing is stored, refunded or
 * journaled.
 */
class PayoutsBadInputIntegrationTests extends PaymentsIntegrationTest {

	private static final String[] JSON = { "Content-Type", "application/json" };

	private UUID seller;

	private Sale sale;

	@BeforeEach
	void setUp() {
		this.seller = UUID.randomUUID();
		this.sale = sale(this.seller, 12_500, "EUR", java.time.Instant.now().plusSeconds(3600));
	}

	private Response putAccount(String body, String... headers) {
		return this.http.send("PUT", "/api/payments/payout-account", BodyPublishers.ofString(body),
				TestHttp.with((headers.length > 0) ? headers : bearer(this.seller), JSON));
	}

	private long accounts() {
		return this.jdbc.sql("SELECT count(*) FROM payout_accounts WHERE user_id = ?")
			.param(this.seller)
			.query(Long.class)
			.single();
	}

	private void assertNothingChanged() {
		assertThat(accounts()).isZero();
		assertThat(payments(this.sale.order().id(), "succeeded")).isEqualTo(1);
		assertThat(journals(this.sale.payment())).containsExactly("charge");
		assertThat(refunds()).isEqualTo(this.refundsBefore);
	}

	private double refundsBefore;

	@BeforeEach
	void countRefunds() {
		this.refundsBefore = refunds();
	}

	@Test
	void aPayoutAccountIsSetShownMaskedAndReplaced() {
		Response set = putAccount(TestHttp.json(Map.of("method", "simulated", "reference", "NL91ABNA0417164300")));

		assertThat(set.status()).as(set.body()).isEqualTo(200);
		JsonNode account = set.json();
		assertThat(account.propertyNames()).containsExactlyInAnyOrder("method", "reference", "updatedAt");
		assertThat(account.path("reference").asString()).isEqualTo("••••••••••••••4300");
		JsonNode shown = this.http.get("/api/payments/payout-account", bearer(this.seller)).json();
		assertThat(shown).isEqualTo(account);

		putAccount(TestHttp.json(Map.of("method", "simulated", "reference", "other-9999")));
		assertThat(
				this.http.get("/api/payments/payout-account", bearer(this.seller)).json().path("reference").asString())
			.endsWith("9999");
	}

	@Test
	void aMissingOrMalformedFieldIs400NamingItAndStoresNothing() {
		assertRefusedField(Map.of("reference", "x"), "method");
		assertRefusedField(Map.of("method", "simulated"), "reference");
		assertRefusedField(Map.of("method", "paypal", "reference", "x"), "method");
		assertRefusedField(Map.of("method", "SIMULATED", "reference", "x"), "method");
		assertRefusedField(Map.of("method", "simulated", "reference", ""), "reference");
		assertRefusedField(Map.of("method", "simulated", "reference", "has space"), "reference");
		assertRefusedField(Map.of("method", "simulated", "reference", "x".repeat(256)), "reference");
		assertRefusedField(Map.of("method", "simulated", "reference", "crlf\r\ninjected"), "reference");
		assertNothingChanged();
	}

	@Test
	void stripeIsNotAvailableWhereRealMoneyIsNotTaken() {
		assertRefusedField(Map.of("method", "stripe", "reference", "acct_1Nv0FGQ9RKHgCVdK"), "method");
		assertNothingChanged();
	}

	@Test
	void wrongTypesDuplicateKeysAndMalformedJsonAre400() {
		for (String body : List.of("{\"method\": 1, \"reference\": \"x\"}",
				"{\"method\": \"simulated\", \"reference\": 42}", "{\"method\": [\"simulated\"], \"reference\": \"x\"}",
				"{\"method\": \"simulated\", \"reference\": \"x\", \"reference\": \"y\"}", "{\"method\": ", "[]", "",
				"null")) {
			Response refused = putAccount(body);
			assertThat(refused.status()).as(body).isEqualTo(400);
			assertThat(refused.contentType()).isEqualTo("application/problem+json");
		}
		assertNothingChanged();
	}

	@Test
	void aBodyOver64KiBIs413() {
		putAccount(TestHttp.json(Map.of("method", "simulated", "reference", "x", "padding", "x".repeat(70 * 1024))))
			.assertProblem(413, "payload_too_large");
		this.http
			.post("/api/payments/" + this.sale.payment() + "/refunds",
					BodyPublishers.ofString(TestHttp.json(Map.of("reason", "x".repeat(70 * 1024)))),
					TestHttp.with(support(UUID.randomUUID()), JSON))
			.assertProblem(413, "payload_too_large");
		assertNothingChanged();
	}

	@Test
	void aWrongMethodIs405AndAnUnknownRoute404() {
		this.http
			.send("POST", "/api/payments/payout-account", BodyPublishers.ofString("{}"),
					TestHttp.with(bearer(this.seller), JSON))
			.assertProblem(405, "method_not_allowed");
		this.http.send("DELETE", "/api/payments/earnings", BodyPublishers.noBody(), bearer(this.seller))
			.assertProblem(405, "method_not_allowed");
		this.http.send("PUT", "/api/payments/ledger/balances", BodyPublishers.noBody(), support(UUID.randomUUID()))
			.assertProblem(405, "method_not_allowed");
		this.http.get("/api/payments/" + this.sale.payment() + "/refunds", support(UUID.randomUUID()))
			.assertProblem(405, "method_not_allowed");
		this.http.get("/api/payments/payout-account/current", bearer(this.seller)).assertProblem(404, "not_found");
		this.http.get("/api/payments/ledger", support(UUID.randomUUID())).assertProblem(404, "payment_not_found");
		assertNothingChanged();
	}

	@Test
	void aRefundWithoutTheSupportRoleIs403EvenOfTheCallersOwnPayment() {
		String body = TestHttp.json(Map.of("reason", "I changed my mind"));
		this.http.postJson("/api/payments/" + this.sale.payment() + "/refunds", body, bearer(this.sale.order().buyer()))
			.assertProblem(403, "forbidden");
		this.http.postJson("/api/payments/" + this.sale.payment() + "/refunds", body, bearer(this.seller))
			.assertProblem(403, "forbidden");
		this.http.get("/api/payments/ledger/balances", bearer(this.seller)).assertProblem(403, "forbidden");
		// Someone else's payment is not even shown without the role.
		this.http.get("/api/payments/" + this.sale.payment(), bearer(this.seller))
			.assertProblem(404, "payment_not_found");
		assertNothingChanged();
	}

	@Test
	void aRefundOfAnUnknownOrMalformedPaymentIs404AndOfAnEmptyReason400() {
		String[] agent = support(UUID.randomUUID());
		for (String id : List.of(UUID.randomUUID().toString(), "not-a-uuid", this.sale.payment() + "0")) {
			this.http.postJson("/api/payments/" + id + "/refunds", TestHttp.json(Map.of("reason", "x")), agent)
				.assertProblem(404, "payment_not_found");
		}
		for (String body : List.of("{}", "{\"reason\": \"  \"}", "{\"reason\": 42}", "{\"reason\": null}")) {
			Response refused = this.http.postJson("/api/payments/" + this.sale.payment() + "/refunds", body, agent);
			assertThat(refused.status()).as(body).isEqualTo(400);
		}
		assertNothingChanged();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.ticketing.common.testing.BadTokens#all")
	void aBadTokenIs401OnEveryNewRoute(String name, Function<UUID, String> token) {
		String[] bad = { "Authorization", "Bearer " + token.apply(this.seller) };
		putAccount(TestHttp.json(Map.of("method", "simulated", "reference", "x")), bad).assertProblem(401,
				"unauthenticated");
		for (String path : List.of("/api/payments/payout-account", "/api/payments/earnings", "/api/payments/payouts",
				"/api/payments/ledger/balances")) {
			this.http.get(path, bad).assertProblem(401, "unauthenticated");
		}
		this.http.postJson("/api/payments/" + this.sale.payment() + "/refunds", "{\"reason\": \"x\"}", bad)
			.assertProblem(401, "unauthenticated");
		assertNothingChanged();
	}

	@Test
	void badPageParametersOfPayoutsAre400() {
		for (String query : List.of("page=-1", "size=0", "size=101", "page=abc")) {
			Response refused = this.http.get("/api/payments/payouts?" + query, bearer(this.seller));
			assertThat(refused.status()).as(query).isEqualTo(400);
		}
	}

	private void assertRefusedField(Map<String, String> body, String field) {
		JsonNode problem = putAccount(TestHttp.json(body)).assertProblem(400, "validation_failed");
		assertThat(problem.toString()).as(body.toString()).contains(field);
	}

}
