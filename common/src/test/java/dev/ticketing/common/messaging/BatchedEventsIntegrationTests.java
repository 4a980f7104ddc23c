package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.nats.client.api.ConsumerInfo;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events waiting for a consumer are applied several to a transaction, and one that fails
 * among them changes nothing for the others: a probe consumer ({@code
 * messaging-batch-probe}) on {@code ORDERS} is held on a first event until forty more are
 * delivered to it, so they are waiting when it is released.
 */
@Import(BatchedEventsIntegrationTests.Probe.class)
class BatchedEventsIntegrationTests extends MessagingIntegrationTest {

	private static final String PROBE = "messaging-batch-probe";

	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

	private static final Set<UUID> poison = ConcurrentHashMap.newKeySet();

	private static final Set<UUID> failingOnce = ConcurrentHashMap.newKeySet();

	private static final Set<UUID> sqlFailingOnce = ConcurrentHashMap.newKeySet();

	private static final Map<UUID, CountDownLatch> gates = new ConcurrentHashMap<>();

	@Test
	void waitingEventsAreAppliedTogetherAndAFailingOneChangesNothingForTheOthers() throws Exception {
		UUID gate = UUID.randomUUID();
		CountDownLatch release = new CountDownLatch(1);
		gates.put(gate, release);
		publish(orderCreated(gate, list(UUID.randomUUID())));
		await().atMost(WAIT).until(() -> attempts.containsKey(gate));

		List<UUID> orders = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			orders.add(UUID.randomUUID());
		}
		UUID poisoned = orders.get(5);
		UUID failing = orders.get(17);
		UUID sqlFailing = orders.get(28);
		poison.add(poisoned);
		failingOnce.add(failing);
		sqlFailingOnce.add(sqlFailing);
		for (UUID order : orders) {
			publish(orderCreated(order, list(UUID.randomUUID())));
		}
		// All forty are with the probe, waiting behind the gate, before it opens (events
		// of
		// earlier tests may be held up with the gate too).
		await().atMost(WAIT).until(() -> {
			ConsumerInfo info = this.nats.jetStreamManagement().getConsumerInfo("ORDERS", PROBE);
			return info.getNumPending() == 0 && info.getNumAckPending() >= 41;
		});
		release.countDown();

		List<UUID> applied = new ArrayList<>(orders);
		applied.remove(poisoned);
		await().atMost(WAIT).until(() -> appliedCount(applied) == applied.size());
		await().atMost(WAIT).until(() -> consumerIdle());

		assertThat(appliedCount(List.of(poisoned))).isZero();
		assertThat(attempts.get(poisoned)).hasValue(1);
		assertThat(attempts.get(failing)).hasValue(2);
		assertThat(attempts.get(sqlFailing)).hasValue(2);
		applied.stream()
			.filter((order) -> order != failing && order != sqlFailing)
			.forEach((order) -> assertThat(attempts.get(order)).as("handler calls for %s", order).hasValue(1));
		// Thirty-seven first deliveries in at most two transactions (32 + the rest), and
		// the
		// two retried ones in theirs.
		assertThat(transactions(applied)).isBetween(2L, 4L);
	}

	private long appliedCount(List<UUID> orders) {
		return this.jdbc.sql("SELECT count(*) FROM applied_events WHERE consumer = ? AND order_id = ANY(?)")
			.params(PROBE, orders.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private long transactions(List<UUID> orders) {
		return this.jdbc.sql("SELECT count(DISTINCT txid) FROM applied_events WHERE consumer = ? AND order_id = ANY(?)")
			.params(PROBE, orders.toArray(UUID[]::new))
			.query(Long.class)
			.single();
	}

	private boolean consumerIdle() throws Exception {
		ConsumerInfo info = this.nats.jetStreamManagement().getConsumerInfo("ORDERS", PROBE);
		return info.getNumPending() == 0 && info.getNumAckPending() == 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Probe {

		@Bean
		EventSubscription batchProbe(JdbcClient jdbc) {
			return EventSubscription.to(EventStream.ORDERS).durable(PROBE).on(OrderCreated.class, (event) -> {
				UUID order = event.data().id();
				int attempt = attempts.computeIfAbsent(order, (key) -> new AtomicInteger()).incrementAndGet();
				awaitGate(order);
				if (poison.contains(order)) {
					throw new PoisonEventException("Order " + order + " is poison to this probe");
				}
				if (failingOnce.contains(order) && attempt == 1) {
					throw new IllegalStateException("Simulated outage of a dependency");
				}
				jdbc.sql("INSERT INTO applied_events (consumer, order_id, txid) VALUES (?, ?, txid_current())")
					.params(PROBE, order)
					.update();
				if (sqlFailingOnce.contains(order) && attempt == 1) {
					// Fails in the database after a write, leaving the transaction
					// aborted.
					jdbc.sql("SELECT 1 / 0").query(Integer.class).single();
				}
			}).build();
		}

		private static void awaitGate(UUID order) {
			CountDownLatch gate = gates.get(order);
			try {
				if (gate != null && !gate.await(30, TimeUnit.SECONDS)) {
					throw new IllegalStateException("The gate was never opened");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
