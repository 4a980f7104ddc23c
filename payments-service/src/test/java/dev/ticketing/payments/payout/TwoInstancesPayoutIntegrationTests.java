package dev.ticketing.payments.payout;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;

import dev.ticketing.common.testing.StreamMessages;
import dev.ticketing.common.testing.TestSecurityConfiguration;
import dev.ticketing.payments.PaymentsApplication;
import dev.ticketing.payments.PaymentsIntegrationTest;
import dev.ticketing.payments.escrow.EscrowService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two payments-service instances (this test's context and a second one on the same
 * database and NATS) releasing and paying out 200 sellers at once, the second one stopped
 * mid-run and started again: every seller is paid exactly once, by one transfer at the
 * provider, and the ledger balances. And one instance releasing a seller's sale while
 * another makes that seller's payout, in the worst order: each payout is marked on
 * exactly the orders whose money it pays.
 */
class TwoInstancesPayoutIntegrationTests extends PaymentsIntegrationTest {

	private static final int SELLERS = 200;

	private static final Duration LONG_WAIT = Duration.ofSeconds(90);

	@Autowired
	ApplicationContext context;

	@Autowired
	DataSource dataSource;

	@Autowired
	EscrowService escrows;

	@Autowired
	PayoutService payouts;

	private ConfigurableApplicationContext secondInstance() {
		// Arguments, which win over application.yaml (NATS_URL and the rest): default
		// properties would lose to it, and the instance would use the machine's NATS.
		return new SpringApplicationBuilder(PaymentsApplication.class, TestSecurityConfiguration.class).profiles("test")
			.run("--server.port=0", "--ticketing.messaging.url=" + NATS.url(),
					// A smaller batch, so the instances interleave their runs.
					"--ticketing.payments.payout.batch-size=20");
	}

	private static String natsUrlOf(ConfigurableApplicationContext instance) {
		return instance.getBean(io.nats.client.Connection.class).getConnectedUrl();
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
		assertThat(natsUrlOf(second)).isEqualTo(this.nats.getConnectedUrl());
		try {
			// The events have happened: everything falls due at once, for both instances.
			this.jdbc.sql("UPDATE escrows SET release_at = now() WHERE order_id = ANY (?)")
				.param(sales.stream().map((sale) -> sale.order().id()).toArray(UUID[]::new))
				.update();

			await().atMost(LONG_WAIT).until(() -> paidIn(sellers) >= SELLERS / 4);
			second.close();
			second = secondInstance();
			assertThat(natsUrlOf(second)).isEqualTo(this.nats.getConnectedUrl());

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

	@Test
	void aReleaseCommittingWhileAnotherInstanceMakesThePayoutIsLeftToTheNextPayout() throws Exception {
		UUID seller = UUID.randomUUID();
		this.jdbc.sql(
				"INSERT INTO payout_accounts (user_id, method, reference, updated_at) VALUES (?, 'simulated', ?, now())")
			.params(seller, "bank-" + seller)
			.update();
		Instant event = Instant.now().plus(Duration.ofDays(30));
		Sale first = sale(seller, 10_000, "EUR", event);
		Sale second = sale(seller, 20_000, "EUR", event);
		// This instance's jobs stand still; the two threads below are two instances'
		// jobs.
		SmartLifecycle jobs = this.context.getBean("moneyJobs", SmartLifecycle.class);
		jobs.stop();
		try (ExecutorService instances = Executors.newFixedThreadPool(2);
				Connection orchestrator = this.dataSource.getConnection()) {
			dueNow(first);
			assertThat(this.escrows.releaseDue()).isPositive();
			dueNow(second);

			// The payout waits for the seller's payable lock, held here for now...
			String payable = "payout:" + seller + ":EUR";
			execute(orchestrator, "SELECT pg_advisory_lock(hashtextextended('" + payable + "', 0))");
			Future<Integer> payout = instances.submit(this.payouts::makeDue);
			await().atMost(WAIT).until(() -> waitingOn("advisory") == 1);
			// ...then reads what the seller is owed (the first sale) and stops before it
			// marks
			// the released orders, as if this instance were slow there.
			orchestrator.setAutoCommit(false);
			execute(orchestrator, "LOCK TABLE payout_accounts IN ACCESS EXCLUSIVE MODE");
			execute(orchestrator, "SELECT pg_advisory_unlock(hashtextextended('" + payable + "', 0))");
			await().atMost(WAIT).until(() -> waitingOn("relation") == 1);
			// Another instance releases the second sale meanwhile: it waits for the
			// payout,
			// or (were it not to) commits before the payout marks the orders.
			Future<Integer> release = instances.submit(this.escrows::releaseDue);
			await().atMost(WAIT).until(() -> release.isDone() || waitingOn("advisory") == 1);
			orchestrator.commit();

			assertThat(payout.get()).isPositive();
			assertThat(release.get()).isPositive();
		}
		finally {
			jobs.start();
		}
		await().atMost(WAIT).until(() -> paidIn(List.of(seller)) == 2);

		List<Map<String, Object>> payouts = this.jdbc
			.sql("""
					SELECT p.amount, (SELECT coalesce(sum(e.amount - e.fee), 0)::bigint FROM escrows e WHERE e.payout_id = p.id)
					  AS marked
					FROM payouts p WHERE p.seller_id = ? ORDER BY p.created_at""")
			.param(seller)
			.query()
			.listOfRows();
		assertThat(payouts).extracting((row) -> row.get("amount")).containsExactly(9_500L, 19_000L);
		assertThat(payouts).allSatisfy((row) -> assertThat(row.get("marked")).isEqualTo(row.get("amount")));
		assertThat(unbalancedJournals()).isZero();
	}

	private void dueNow(Sale sale) {
		this.jdbc.sql("UPDATE escrows SET release_at = now() WHERE order_id = ?").param(sale.order().id()).update();
	}

	/** How many sessions on this database wait for a lock of this type. */
	private long waitingOn(String lockType) {
		return this.jdbc
			.sql("SELECT count(*) FROM pg_locks WHERE NOT granted AND locktype = ?"
					+ " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
			.param(lockType)
			.query(Long.class)
			.single();
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
