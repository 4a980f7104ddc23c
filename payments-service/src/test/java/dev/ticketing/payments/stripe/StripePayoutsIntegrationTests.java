package dev.ticketing.payments.stripe;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Seller payouts through Stripe Connect, against WireMock answering as Stripe does: the
 * released balance goes out as a Transfer to the seller's connected account (grouped with
 * the order, keyed by the payout), and a support refund after it takes the seller's share
 * back with a Transfer Reversal, so the seller owes nothing and the ledger balances.
 */
class StripePayoutsIntegrationTests extends StripeIntegrationTest {

	private UUID payoutOf(UUID seller) {
		return this.jdbc.sql("SELECT id FROM payouts WHERE seller_id = ? AND status = 'paid'")
			.param(seller)
			.query(UUID.class)
			.single();
	}

	private long paidPayouts(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM payouts WHERE seller_id = ? AND status = 'paid'")
			.param(seller)
			.query(Long.class)
			.single();
	}

	@Test
	void aSellerIsPaidByATransferAndASupportRefundReversesIt() {
		UUID seller = UUID.randomUUID();
		String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
		Response set = this.http.send("PUT", "/api/payments/payout-account",
				BodyPublishers.ofString(TestHttp.json(Map.of("method", "stripe", "reference", account))),
				TestHttp.with(bearer(seller), "Content-Type", "application/json"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
		String transfer = StripeStub.newId("tr");
		ObjectNode made = StripeStub.fixture("transfer");
		made.put("id", transfer);
		STRIPE.stub(post(urlPathEqualTo("/v1/transfers"))
			.withFormParam("destination", com.github.tomakehurst.wiremock.client.WireMock.equalTo(account))
			.willReturn(StripeStub.ok(made)));

		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer, seller, PRICE, "EUR", null);
		String intent = StripeStub.newId("pi");
		STRIPE.chargeSucceeds(order.id(), buyer, PRICE, "eur", intent);
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		UUID payment = UUID.fromString(paid.json().path("id").asString());
		completed(order, payment);

		await().atMost(WAIT).until(() -> paidPayouts(seller) == 1);
		UUID payout = payoutOf(seller);
		List<LoggedRequest> transfers = STRIPE.transferRequests(payout);
		assertThat(transfers).hasSize(1);
		LoggedRequest sent = transfers.getFirst();
		assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("payout-" + payout);
		assertThat(StripeStub.formParam(sent, "destination")).isEqualTo(account);
		assertThat(StripeStub.formParam(sent, "amount")).isEqualTo("11875");
		assertThat(StripeStub.formParam(sent, "currency")).isEqualTo("eur");
		assertThat(StripeStub.formParam(sent, "transfer_group")).isEqualTo(order.id().toString());

		STRIPE.refundSucceeds(intent, PRICE, "eur");
		STRIPE.stub(StripeStub.createTransferReversal(transfer)
			.willReturn(StripeStub.ok(StripeStub.transferReversal(StripeStub.newId("trr"), transfer, 11_875, "eur",
					"reversal-" + payment))));
		Response refunded = this.http.postJson("/api/payments/" + payment + "/refunds",
				TestHttp.json(Map.of("reason", "Counterfeit ticket")), support(UUID.randomUUID()));

		assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
		List<LoggedRequest> reversals = STRIPE.reversalRequests(transfer);
		assertThat(reversals).hasSize(1);
		assertThat(reversals.getFirst().getHeader("Idempotency-Key")).isEqualTo("reversal-" + payment);
		assertThat(StripeStub.formParam(reversals.getFirst(), "amount")).isEqualTo("11875");
		assertThat(journals(payment)).containsExactlyInAnyOrder("charge", "refund", "transfer_reversal");
		JsonNode balance = this.http.get("/api/payments/earnings", bearer(seller)).json().path("balances").get(0);
		assertThat(balance.path("available").asLong()).isZero();
		assertThat(balance.path("paidOut").asLong()).isEqualTo(11_875);
		assertThat(ledgerTotals().values()).containsOnly(0L);
		assertThat(unbalancedJournals()).isZero();
	}

	@Test
	void theSimulatedMethodIsNotOfferedWhereStripeTakesRealMoney() {
		UUID seller = UUID.randomUUID();
		Response refused = this.http.send("PUT", "/api/payments/payout-account",
				BodyPublishers.ofString(TestHttp.json(Map.of("method", "simulated", "reference", "bank"))),
				TestHttp.with(bearer(seller), "Content-Type", "application/json"));
		refused.assertProblem(400, "validation_failed");
		for (String malformed : List.of("acct_", "acct_has-dash", "ba_123", "acct_" + "x".repeat(65))) {
			this.http
				.send("PUT", "/api/payments/payout-account",
						BodyPublishers.ofString(TestHttp.json(Map.of("method", "stripe", "reference", malformed))),
						TestHttp.with(bearer(seller), "Content-Type", "application/json"))
				.assertProblem(400, "validation_failed");
		}
		this.http.get("/api/payments/payout-account", bearer(seller)).assertProblem(404, "payout_account_not_found");
	}

}
