package dev.ticketing.payments.endtoend;

import java.net.http.HttpRequest.BodyPublishers;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.common.testing.TestHttp.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The money of a ticket sold twice, through tickets-service and orders-service as
 * processes: the first seller is paid from escrow after the release, the buyer resells
 * the ticket and is paid too, and a support refund of the second sale voids the new pass
 * and leaves the reseller owing what they were paid. Every journal balances throughout.
 */
class GettingPaidEndToEndTests extends WithTicketsAndOrdersServices {

	@BeforeAll
	static void startServices() {
		startTicketsAndOrders("PT15M");
	}

	private void payoutAccount(UUID seller, String reference) {
		Response set = this.http.send("PUT", "/api/payments/payout-account",
				BodyPublishers.ofString(TestHttp.json(Map.of("method", "simulated", "reference", reference))),
				TestHttp.with(bearer(seller), "Content-Type", "application/json"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	/** The seller's euro balance; all 0 (missing fields) while they have none. */
	private JsonNode euros(UUID seller) {
		JsonNode balances = this.http.get("/api/payments/earnings", bearer(seller)).json().path("balances");
		for (JsonNode balance : balances) {
			if (balance.path("currency").asString().equals("EUR")) {
				return balance;
			}
		}
		assertThat(balances).as("balances other than euros").isEmpty();
		return balances.path(0);
	}

	private UUID buy(UUID buyer, UUID ticket) {
		UUID order = id(orderThroughOrdersService(buyer, ticket));
		Response paid = pay(buyer, order, "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		awaitOrderStatus(buyer, order, "complete");
		return id(paid.json());
	}

	private void assertLedgerBalances() {
		assertThat(unbalancedJournals()).isZero();
		JsonNode balances = this.http.get("/api/payments/ledger/balances", support(UUID.randomUUID())).json();
		assertThat(balances.path("totals")).isNotEmpty()
			.allSatisfy((total) -> assertThat(total.path("balance").asLong()).isZero());
	}

	@Test
	void bothSellersOfAResoldTicketArePaidAndASupportRefundVoidsThePass() {
		UUID seller = UUID.randomUUID();
		UUID reseller = UUID.randomUUID();
		UUID lastBuyer = UUID.randomUUID();
		payoutAccount(seller, "bank-first-seller");
		payoutAccount(reseller, "bank-reseller");

		// The first sale: held, released a second after completing, paid out less 5 %.
		UUID ticket = listThroughTicketsService(seller);
		buy(reseller, ticket);
		await().atMost(E2E_WAIT).until(() -> euros(seller).path("paidOut").asLong() == 11_875);
		assertThat(euros(seller).path("pending").asLong()).isZero();
		assertThat(euros(seller).path("available").asLong()).isZero();
		assertLedgerBalances();

		// The buyer resells it, within the cap (120 % of 12,500), to the last buyer.
		Response resale = ticketsApi.postJson("/api/tickets/" + ticket + "/resale",
				TestHttp.json(Map.of("price", 15_000)), bearer(reseller));
		assertThat(resale.status()).as(resale.body()).isEqualTo(201);
		UUID resold = id(resale.json());
		UUID lastPayment = buy(lastBuyer, resold);
		await().atMost(E2E_WAIT).until(() -> euros(reseller).path("paidOut").asLong() == 14_250);
		assertThat(euros(seller).path("paidOut").asLong()).isEqualTo(11_875);
		assertLedgerBalances();
		await().atMost(E2E_WAIT)
			.until(() -> ticketsApi.get("/api/tickets/" + resold + "/pass", bearer(lastBuyer)).status() == 200);
		assertThat(
				ticketsApi.get("/api/tickets/" + resold + "/pass", bearer(lastBuyer)).json().path("status").asString())
			.isEqualTo("valid");

		// Support refunds the last sale: the pass is void, the reseller owes what they
		// got.
		Response refunded = this.http.postJson("/api/payments/" + lastPayment + "/refunds",
				TestHttp.json(Map.of("reason", "The buyer was charged twice by their bank")),
				support(UUID.randomUUID()));
		assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
		await().atMost(E2E_WAIT)
			.until(() -> "void".equals(ticketsApi.get("/api/tickets/" + resold + "/pass", bearer(lastBuyer))
				.json()
				.path("status")
				.asString()));
		assertThat(euros(reseller).path("available").asLong()).isEqualTo(-14_250);
		assertThat(euros(reseller).path("paidOut").asLong()).isEqualTo(14_250);
		assertLedgerBalances();
	}

}
