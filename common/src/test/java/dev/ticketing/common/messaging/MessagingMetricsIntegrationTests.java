package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import dev.ticketing.common.testing.ScrapedMetrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The event backbone's meters on {@code /actuator/prometheus}, as the alert rules read
 * them (docs/adr/0024): the age of the oldest unsent outbox row, each durable consumer's
 * pending messages, and dead letters, both as counted by the consumer and as held by the
 * dead-letter stream.
 */
class MessagingMetricsIntegrationTests extends MessagingIntegrationTest {

	/** Past one sample of {@link MessagingMetrics}. */
	private static final Duration WAIT = Duration.ofSeconds(20);

	private static final String[] CONSUMER = { "consumer", MessagingTestApplication.DURABLE };

	@Autowired
	OutboxRelay relay;

	@Test
	void theOldestUnsentRowsAgeGrowsWhileTheRelayIsStoppedAndIsZeroOnceItIsSent() {
		await().atMost(WAIT).until(() -> unsentEvents() == 0);
		assertThat(ScrapedMetrics.value(this.http, "ticketing_outbox_oldest_unsent_age_seconds")).isZero();
		this.relay.stop();
		try {
			list(UUID.randomUUID());
			await().atMost(WAIT)
				.until(() -> ScrapedMetrics.value(this.http, "ticketing_outbox_oldest_unsent_age_seconds") >= 1);
			assertThat(ScrapedMetrics.value(this.http, "ticketing_outbox_unsent")).isGreaterThanOrEqualTo(1);
		}
		finally {
			this.relay.start();
		}
		this.relay.wakeUp();
		await().atMost(WAIT)
			.until(() -> ScrapedMetrics.value(this.http, "ticketing_outbox_oldest_unsent_age_seconds") == 0);
	}

	@Test
	void aDeadLetterIsCountedFromZeroAndHeldByTheDeadLetterStreamPerConsumer() {
		String[] deadLettered = { "consumer", MessagingTestApplication.DURABLE, "subject", "orders.v1.order.created",
				"outcome", "dead_lettered" };
		// Registered before any dead letter, so that the first one is an increase.
		double counted = ScrapedMetrics.value(this.http, "ticketing_events_consumed_total", deadLettered);
		assertThat(counted).isNotNaN();
		double held = await().atMost(WAIT)
			.until(() -> ScrapedMetrics.value(this.http, "ticketing_events_dead_letters", CONSUMER),
					(value) -> !value.isNaN());

		publishRaw("orders.v1.order.created", utf8("{\"id\": \"not json"), UUID.randomUUID().toString());

		await().atMost(WAIT)
			.until(() -> ScrapedMetrics.value(this.http, "ticketing_events_consumed_total", deadLettered) == counted
					+ 1);
		await().atMost(WAIT)
			.until(() -> ScrapedMetrics.value(this.http, "ticketing_events_dead_letters", CONSUMER) == held + 1);
	}

	@Test
	void eachDurableConsumersPendingMessagesAreSampled() {
		await().atMost(WAIT)
			.until(() -> ScrapedMetrics.value(this.http, "ticketing_events_pending", "stream", "ORDERS", CONSUMER[0],
					CONSUMER[1]), (value) -> value == 0);
		assertThat(ScrapedMetrics.value(this.http, "ticketing_events_ack_pending", CONSUMER)).isNotNaN();
	}

}
