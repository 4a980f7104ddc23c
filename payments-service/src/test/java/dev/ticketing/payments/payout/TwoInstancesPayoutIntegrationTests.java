package dev.ticketing.payments.payout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import io.nats.client.Connection;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.payments.PaymentsApplication;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two payments-service instances (this test's context and a second one on the same
 * database and NATS) releasing and paying out 200 sellers at once, the second one stopped
 * mid-run and started again: every seller is paid exactly once, by one transfer at the
 * provider, and the ledger balances.
 */
class TwoInstancesPayoutIntegrationTests extends PaymentsIntegrationTest {

	private static final int SELLERS = 200;

	private static final Duration LONG_WAIT = Duration.ofSeconds(90);

	private ConfigurableApplicationContext secondInstance() {
		// Arguments, which win over application.yaml (NATS_URL and the rest): default
		// properties would lose to it, and the instance would use the machine's NATS.
		return new SpringApplicationBuilder(PaymentsApplication.class, TestSecurityConfiguration.class).profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + NATS.url(),
					// A smaller batch, so the instances interleave their runs.
					"--ticketing.payments.payout.batch-size=20");
	}

	private long paidIn(List<UUID> sellers) {
		return this.jdbc.sql("SELECT count(*) FROM payouts WHERE status = 'paid' AND seller_id = ANY (?)")
			.param(sellers.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private List<String> announcedSellers(List<UUID> sellers) {
		Set<String> ours = sellers.stream().map(UUID::toString).collect(Collectors.toSet());
		return StreamMessages.all(this.nats, "PAYMENTS")
			.stream()
			.filter((message) -> message.subject().equals("payments.v1.payout.paid"))
			.map((message) -> message.body().path("data").path("sellerId").asString())
			.filter(ours::contains)
			.toList();
	}

	@Test
	void everySellerIsPaidExactlyOnceAcrossInstancesAndARestart() throws Exception {
		List<UUID> sellers = new ArrayList<>();
		String run = UUID.randomUUID().toString().substring(0, 8);
		for (int i = 0; i < SELLERS; i++) {
			UUID seller = UUID.randomUUID();
			sellers.add(seller);
			this.jdbc
				.sql("INSERT INTO payout_accounts (user_id, method, reference, updated_at)"
						+ " VALUES (?, 'simulated', ?, now())")
				.params(seller, "bank-" + run + "-" + i)
				.update();
		}
		// Sales of next month's events, made concurrently through the API.
		Instant event = Instant.now().plus(Duration.ofDays(30));
		List<Sale> sales = new ArrayList<>();
		try (ExecutorService buyers = Executors.newFixedThreadPool(4)) {
			List<Future<Sale>> made = new ArrayList<>();
			for (UUID seller : sellers) {
				made.add(buyers.submit(() -> sale(seller, 10_000 + sellers.indexOf(seller), "EUR", event)));
			}
			for (Future<Sale> sale : made) {
				sales.add(sale.get());
			}
		}
		ConfigurableApplicationContext second = secondInstance();
		assertThat(second.getBean(Connection.class).getConnectedUrl()).isEqualTo(this.nats.getConnectedUrl());
		try {
			// The events have happened: everything falls due at once, for both instances.
			this.jdbc.sql("UPDATE escrows SET release_at = now() WHERE order_id = ANY (?)")
				.param(sales.stream().map((sale) -> sale.order().id()).toArray(UUID[]::new))
				.update();

			await().atMost(LONG_WAIT).until(() -> paidIn(sellers) >= SELLERS / 4);
			second.close();
			second = secondInstance();
			assertThat(second.getBean(Connection.class).getConnectedUrl()).isEqualTo(this.nats.getConnectedUrl());

			await().atMost(LONG_WAIT).until(() -> paidIn(sellers) == SELLERS);
		}
		finally {
			second.close();
		}

		List<Map<String, Object>> payouts = this.jdbc
			.sql("SELECT seller_id, status, amount, reference FROM payouts WHERE seller_id = ANY (?)")
			.param(sellers.toArray(UUID[]::new))
			.query()
			.listOfRows();
		assertThat(payouts).hasSize(SELLERS).allSatisfy((row) -> assertThat(row.get("status")).isEqualTo("paid"));
		assertThat(payouts.stream().map((row) -> row.get("seller_id")).collect(Collectors.toSet())).hasSize(SELLERS);
		long transfers = this.jdbc.sql("SELECT count(*) FROM simulated_transfers WHERE destination LIKE ?")
			.param("bank-" + run + "-%")
			.query(Long.class)
			.single();
		assertThat(transfers).isEqualTo(SELLERS);
		for (Map<String, Object> row : payouts) {
			long price = 10_000 + sellers.indexOf((UUID) row.get("seller_id"));
			assertThat(row.get("amount")).isEqualTo(price - (price * 500 + 5_000) / 10_000);
		}
		// One payout.paid per seller: the outbox wrote one per payout, whichever instance
		// recorded it.
		await().atMost(LONG_WAIT).until(() -> announcedSellers(sellers).size() == SELLERS);
		assertThat(announcedSellers(sellers)).hasSize(SELLERS).doesNotHaveDuplicates();
		assertThat(unbalancedJournals()).isZero();
		assertThat(ledgerTotals().values()).containsOnly(0L);
		for (UUID seller : List.of(sellers.getFirst(), sellers.getLast())) {
			assertThat(this.http.get("/api/payments/earnings", bearer(seller))
				.json()
				.path("balances")
				.get(0)
				.path("available")
				.asLong()).isZero();
		}
	}

}
