package dev.ticketing.payments.payment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.UUID;

import javax.sql.DataSource;

import io.micrometer.core.instrument.Counter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import dev.ticketing.common.testing.TestHttp.Response;
import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consumer whose handler waits longer than the ack wait (here: for the order's row,
 * held as a charge in flight holds it) keeps its message: the ack wait is extended while
 * the handler runs, so the event is not redelivered, not dead-lettered, and applied once.
 */
@TestPropertySource(properties = "ticketing.messaging.consumer.ack-wait=1s")
class SlowConsumerIntegrationTests extends PaymentsIntegrationTest {

	@Autowired
	DataSource dataSource;

	@Test
	void anEventWaitingLongerThanAckWaitTimesMaxDeliverIsAppliedOnceAndNotDeadLettered() throws Exception {
		UUID buyer = UUID.randomUUID();
		PlacedOrder order = placedOrder(buyer);
		Response paid = pay(buyer, order.id(), "pm_card_visa");
		assertThat(paid.status()).as(paid.body()).isEqualTo(201);
		long deadLettersBefore = deadLetters();
		double duplicatesBefore = cancellations("duplicate");
		double refundsBefore = refunds();

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (PreparedStatement lock = connection
				.prepareStatement("SELECT id FROM order_replicas WHERE id = ? FOR UPDATE")) {
				lock.setObject(1, order.id());
				lock.executeQuery().close();
			}
			cancelled(order, "expired");
			await().atMost(WAIT).until(this::consumerWaitsForTheLock);
			// The setup, not an assertion: hold the row past ack wait x max deliver (1 s
			// x 3), after which the server would have redelivered the event twice and
			// then dead-lettered it.
			Thread.sleep(4_500);
			connection.rollback();
		}

		await().atMost(WAIT).until(() -> payments(order.id(), "refunded") == 1);
		assertThat(refunds() - refundsBefore).isEqualTo(1);
		assertThat(cancellations("duplicate")).as("redeliveries of order.cancelled").isEqualTo(duplicatesBefore);
		assertThat(deadLetters()).isEqualTo(deadLettersBefore);
		await().atMost(WAIT).until(() -> paymentEvents(order.id(), "payments.v1.payment.refunded").size() == 1);
	}

	private boolean consumerWaitsForTheLock() {
		return this.jdbc.sql("""
				SELECT count(*) FROM pg_stat_activity
				WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%order_replicas%'""")
			.query(Long.class)
			.single() > 0;
	}

	private double cancellations(String outcome) {
		Counter counter = this.meters.find("ticketing.events.consumed")
			.tag("subject", "orders.v1.order.cancelled")
			.tag("outcome", outcome)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private long deadLetters() throws Exception {
		return this.nats.jetStreamManagement().getStreamInfo("DEAD_LETTERS").getStreamState().getMsgCount();
	}

}
