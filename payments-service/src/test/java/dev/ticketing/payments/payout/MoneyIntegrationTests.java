package dev.ticketing.payments.payout;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Import;

import dev.ticketing.common.testing.ScrapedMetrics;
import dev.ticketing.common.testing.StreamMessages.Stored;
import dev.ticketing.common.testing.TestHttp;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Escrow, release, payouts and support refunds against the real PostgreSQL and NATS, with
 * the simulated payout provider (behind {@link ControllablePayouts}) and the test
 * profile's quick jobs: an order without an event time is released a second after it
 * completes.
 */
@Import(ControllablePayouts.Installer.class)
class MoneyIntegrationTests extends PaymentsIntegrationTest {

	private static final Instant NEXT_MONTH = Instant.now().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.SECONDS);

	private final UUID agent = UUID.randomUUID();

	@AfterEach
	void noFaults() {
		ControllablePayouts.reset();
	}

	private void payoutAccount(UUID seller, String reference) {
		TestHttp.Response set = this.http.send("PUT", "/api/payments/payout-account",
				java.net.http.HttpRequest.BodyPublishers
					.ofString(TestHttp.json(Map.of("method", "simulated", "reference", reference))),
				TestHttp.with(bearer(seller), "Content-Type", "application/json"));
		assertThat(set.status()).as(set.body()).isEqualTo(200);
	}

	private JsonNode earnings(UUID seller, String currency) {
		JsonNode earnings = this.http.get("/api/payments/earnings", bearer(seller)).json();
		for (JsonNode balance : earnings.path("balances")) {
			if (balance.path("currency").asString().equals(currency)) {
				return balance;
			}
		}
		throw new AssertionError("No " + currency + " balance in " + earnings);
	}

	private List<Map<String, Object>> payouts(UUID seller) {
		return this.jdbc
			.sql("SELECT id, amount, currency, status, attempts FROM payouts WHERE seller_id = ?"
					+ " ORDER BY created_at")
			.param(seller)
			.query()
			.listOfRows();
	}

	private long paid(UUID seller) {
		return this.jdbc.sql("SELECT count(*) FROM payouts WHERE seller_id = ? AND status = 'paid'")
			.param(seller)
			.query(Long.class)
			.single();
	}

	/** What the provider really sent to a reference: its own record. */
	private long transfersTo(String reference) {
		return this.jdbc.sql("SELECT count(*) FROM simulated_transfers WHERE destination = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private TestHttp.Response refund(UUID payment, String reason) {
		return this.http.postJson("/api/payments/" + payment + "/refunds", TestHttp.json(Map.of("reason", reason)),
				support(this.agent));
	}

	private List<Stored> payoutEvents(UUID seller) {
		return dev.ticketing.common.testing.StreamMessages.all(this.nats, "PAYMENTS")
			.stream()
			.filter((message) -> message.subject().equals("payments.v1.payout.paid"))
			.filter((message) -> message.body().path("data").path("sellerId").asString().equals(seller.toString()))
			.toList();
	}

	@Test
	void aSaleIsHeldThenReleasedLessTheFeeAndPaidOutOnce() {
		UUID seller = UUID.randomUUID();
		String bank = "bank-" + seller;
		payoutAccount(seller, bank);

		Sale sale = sale(seller, 12_500, "EUR", null);

		await().atMost(WAIT).until(() -> paid(seller) == 1);
		JsonNode balance = earnings(seller, "EUR");
		assertThat(balance.path("pending").asLong()).isZero();
		assertThat(balance.path("available").asLong()).isZero();
		assertThat(balance.path("paidOut").asLong()).isEqualTo(11_875);
		assertThat(journals(sale.payment())).containsExactly("charge");
		assertThat(journals(sale.order().id())).containsExactly("release");
		UUID payout = (UUID) payouts(seller).getFirst().get("id");
		assertThat(journals(payout)).containsExactly("payout");
		assertThat(transfersTo(bank)).isEqualTo(1);

		JsonNode listed = this.http.get("/api/payments/payouts", bearer(seller)).json();
		assertThat(listed.path("totalItems").asLong()).isEqualTo(1);
		JsonNode shown = listed.path("items").get(0);
		assertThat(shown.propertyNames()).containsExactlyInAnyOrder("id", "amount", "currency", "status", "method",
				"createdAt", "paidAt");
		assertThat(shown.path("amount").asLong()).isEqualTo(11_875);
		assertThat(shown.path("status").asString()).isEqualTo("paid");
		assertThat(shown.path("method").asString()).isEqualTo("simulated");

		await().atMost(WAIT).until(() -> payoutEvents(seller).size() == 1);
		JsonNode data = payoutEvents(seller).getFirst().body().path("data");
		assertThat(data.propertyNames()).containsExactlyInAnyOrder("id", "sellerId", "amount", "currency", "method");
		assertThat(data.path("id").asString()).isEqualTo(payout.toString());
		assertThat(data.path("amount").asLong()).isEqualTo(11_875);
		assertThat(unbalancedJournals()).isZero();
		assertThat(ledgerTotals().values()).containsOnly(0L);
	}

	@Test
	void holdsTheMoneyUntilTheDelayAfterTheEvent() {
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "bank-held");

		Sale sale = sale(seller, 12_500, "EUR", NEXT_MONTH);

		JsonNode earnings = this.http.get("/api/payments/earnings", bearer(seller)).json();
		assertThat(earnings.path("nextReleaseAt").asString()).isEqualTo(NEXT_MONTH.plusSeconds(1).toString());
		JsonNode balance = earnings(seller, "EUR");
		assertThat(balance.path("pending").asLong()).isEqualTo(12_500);
		assertThat(balance.path("available").asLong()).isZero();
		assertThat(balance.path("paidOut").asLong()).isZero();
		// Several runs of the jobs later, it is still held.
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> journals(sale.order().id()).isEmpty());
		assertThat(payouts(seller)).isEmpty();
	}

	@Test
	void aSupportRefundBeforeTheReleaseNeverPaysTheSeller() {
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "bank-refunded-early");
		Sale sale = sale(seller, 12_500, "EUR", NEXT_MONTH);

		TestHttp.Response refunded = refund(sale.payment(), "Fake ticket reported by the buyer");

		assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
		assertThat(refunded.json().path("status").asString()).isEqualTo("refunded");
		await().atMost(WAIT).until(() -> paymentEvents(sale.order().id(), "payments.v1.payment.refunded").size() == 1);
		assertThat(paymentEvents(sale.order().id(), "payments.v1.payment.refunded").getFirst()
			.body()
			.path("data")
			.path("reason")
			.asString()).isEqualTo("support");
		assertThat(journals(sale.payment())).containsExactly("charge", "refund");
		// Even once it falls due, and after several runs of the jobs: never released,
		// never
		// paid.
		this.jdbc.sql("UPDATE escrows SET release_at = now() WHERE order_id = ?").param(sale.order().id()).update();
		await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> journals(sale.order().id()).isEmpty());
		assertThat(journals(sale.order().id())).isEmpty();
		assertThat(payouts(seller)).isEmpty();
		// Nothing pending, available or paid in any currency: no balance is shown.
		JsonNode earnings = this.http.get("/api/payments/earnings", bearer(seller)).json();
		assertThat(earnings.path("balances")).isEmpty();
		assertThat(earnings.path("nextReleaseAt").isNull()).isTrue();
		assertThat(this.jdbc.sql("SELECT refund_note FROM payments WHERE id = ?")
			.param(sale.payment())
			.query(String.class)
			.single()).isEqualTo("Fake ticket reported by the buyer");
		// A second refund of it is refused, and changes nothing.
		refund(sale.payment(), "again").assertProblem(409, "already_refunded");
		assertThat(journals(sale.payment())).containsExactly("charge", "refund");
		assertThat(ledgerTotals().values()).containsOnly(0L);
	}

	@Test
	void aSupportRefundAfterThePayoutLeavesTheSellerOwingItUntilLaterSalesOffsetIt() {
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "bank-refunded-late");
		Sale first = sale(seller, 12_500, "EUR", null);
		await().atMost(WAIT).until(() -> paid(seller) == 1);

		assertThat(refund(first.payment(), "Event cancelled").status()).isEqualTo(201);

		JsonNode owing = earnings(seller, "EUR");
		assertThat(owing.path("available").asLong()).isEqualTo(-11_875);
		assertThat(owing.path("paidOut").asLong()).isEqualTo(11_875);

		sale(seller, 20_000, "EUR", null);

		// 19,000 released, 11,875 of it owed: the 7,125 left is paid out.
		await().atMost(WAIT).until(() -> paid(seller) == 2);
		JsonNode after = earnings(seller, "EUR");
		assertThat(after.path("available").asLong()).isZero();
		assertThat(after.path("paidOut").asLong()).isEqualTo(11_875 + 7_125);
		assertThat(payouts(seller)).extracting((row) -> row.get("amount")).containsExactly(11_875L, 7_125L);
		assertThat(ledgerTotals().values()).containsOnly(0L);
	}

	@Test
	void aRefusedPayoutIsReversedAndPaidAgainOnceTheAccountIsFixed() {
		ScrapedMetrics before = ScrapedMetrics.scrape(this.http);
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "fail_closed-" + seller);
		sale(seller, 12_500, "EUR", null);

		await().atMost(WAIT)
			.until(() -> payouts(seller).size() == 1 && "failed".equals(payouts(seller).getFirst().get("status")));
		UUID failed = (UUID) payouts(seller).getFirst().get("id");
		assertThat(journals(failed)).containsExactlyInAnyOrder("payout", "payout_reversal");
		assertThat(earnings(seller, "EUR").path("available").asLong()).isEqualTo(11_875);

		payoutAccount(seller, "bank-fixed-" + seller);

		await().atMost(WAIT).until(() -> paid(seller) == 1);
		// Refused once or more (retried after a backoff until the account was fixed),
		// then
		// paid once.
		List<Object> statuses = payouts(seller).stream().map((row) -> row.get("status")).toList();
		assertThat(statuses.getLast()).isEqualTo("paid");
		assertThat(statuses.subList(0, statuses.size() - 1)).isNotEmpty().containsOnly("failed");
		assertThat(transfersTo("bank-fixed-" + seller)).isEqualTo(1);
		assertThat(transfersTo("fail_closed-" + seller)).isZero();
		assertThat(earnings(seller, "EUR").path("paidOut").asLong()).isEqualTo(11_875);
		assertThat(ledgerTotals().values()).containsOnly(0L);
		// Payouts of earlier tests' sellers may be made meanwhile too.
		ScrapedMetrics after = ScrapedMetrics.scrape(this.http);
		assertThat(after.value("ticketing_payments_payouts_failed_total"))
			.isGreaterThanOrEqualTo(before.value("ticketing_payments_payouts_failed_total") + statuses.size() - 1);
		assertThat(after.value("ticketing_payments_payouts_paid_total"))
			.isGreaterThanOrEqualTo(before.value("ticketing_payments_payouts_paid_total") + 1);
	}

	@Test
	void aPayoutWhoseAnswerIsLostIsRetriedWithTheSameKeyAndSentOnce() {
		UUID seller = UUID.randomUUID();
		String bank = "bank-lost-answers-" + seller;
		ControllablePayouts.target = bank;
		ControllablePayouts.unanswered.set(2);
		payoutAccount(seller, bank);

		sale(seller, 12_500, "EUR", null);

		await().atMost(WAIT).until(() -> paid(seller) == 1);
		assertThat(payouts(seller)).singleElement().satisfies((row) -> assertThat(row.get("attempts")).isEqualTo(3));
		assertThat(transfersTo(bank)).isEqualTo(1);
		assertThat(payoutEvents(seller)).hasSizeLessThanOrEqualTo(1);
		await().atMost(WAIT).until(() -> payoutEvents(seller).size() == 1);
	}

	@Test
	void aPayoutClaimedBySenderThatDiedIsSentOnceAfterItsLease() {
		UUID seller = UUID.randomUUID();
		String bank = "bank-dead-sender-" + seller;
		ControllablePayouts.target = bank;
		ControllablePayouts.dying.set(1);
		payoutAccount(seller, bank);

		sale(seller, 12_500, "EUR", null);

		await().atMost(WAIT).until(() -> paid(seller) == 1);
		assertThat(payouts(seller)).singleElement().satisfies((row) -> assertThat(row.get("attempts")).isEqualTo(2));
		assertThat(transfersTo(bank)).isEqualTo(1);
	}

	@Test
	void currenciesWithoutOrWithThreeDecimalsKeepWholeMinorUnits() {
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "bank-yen-and-dinar");

		sale(seller, 1_010, "JPY", null);
		sale(seller, 12_345, "BHD", null);

		await().atMost(WAIT).until(() -> paid(seller) == 2);
		// ¥1,010 less 5 % (¥50.5 → ¥51); 12.345 BHD less 617.25 fils → 617.
		assertThat(earnings(seller, "JPY").path("paidOut").asLong()).isEqualTo(959);
		assertThat(earnings(seller, "BHD").path("paidOut").asLong()).isEqualTo(11_728);
		assertThat(ledgerTotals()).containsEntry("JPY", 0L).containsEntry("BHD", 0L);
	}

	@Test
	void aBalanceBelowTheMinimumWaitsForMoreSales() {
		UUID seller = UUID.randomUUID();
		payoutAccount(seller, "bank-small");

		// 5 % of 10 is 0.5, rounded half up: the seller gets 9, below the minimum of 100.
		Sale small = sale(seller, 10, "EUR", null);
		await().atMost(WAIT).until(() -> journals(small.order().id()).contains("release"));
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> payouts(seller).isEmpty());
		assertThat(earnings(seller, "EUR").path("available").asLong()).isEqualTo(9);

		sale(seller, 100, "EUR", null);

		await().atMost(WAIT).until(() -> paid(seller) == 1);
		assertThat(payouts(seller)).singleElement()
			.satisfies((row) -> assertThat(row.get("amount")).isEqualTo(9L + 95));
	}

	@Test
	void aSellerWithoutAPayoutAccountIsReleasedButNotPaid() {
		UUID seller = UUID.randomUUID();

		Sale sale = sale(seller, 12_500, "EUR", null);

		await().atMost(WAIT).until(() -> journals(sale.order().id()).contains("release"));
		await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> payouts(seller).isEmpty());
		assertThat(earnings(seller, "EUR").path("available").asLong()).isEqualTo(11_875);
		this.http.get("/api/payments/payout-account", bearer(seller)).assertProblem(404, "payout_account_not_found");
	}

	@Test
	void supportSeesLedgerBalancesThatTotalZero() {
		UUID seller = UUID.randomUUID();
		Sale sale = sale(seller, 12_500, "EUR", NEXT_MONTH);

		JsonNode balances = this.http.get("/api/payments/ledger/balances", support(this.agent)).json();

		assertThat(balances.path("totals")).allSatisfy((total) -> assertThat(total.path("balance").asLong()).isZero());
		assertThat(balances.path("accounts")).anySatisfy((account) -> {
			assertThat(account.path("account").asString()).isEqualTo("escrow:" + sale.order().id());
			assertThat(account.path("balance").asLong()).isEqualTo(-12_500);
		});
		this.http.get("/api/payments/ledger/balances", bearer(seller)).assertProblem(403, "forbidden");
	}

}
