package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.ticketing.common.events.Event;
import dev.ticketing.common.events.EventStream;
import dev.ticketing.common.events.orders.v1.OrderCreated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Shutting a service down while a handler is in the middle of an event: the consumer
 * finishes it, commits and acknowledges before the database pool and the connection
 * close, so the event is neither lost nor applied twice.
 */
class GracefulShutdownIntegrationTests extends MessagingIntegrationTest {

	private static final CountDownLatch handling = new CountDownLatch(1);

	private static final CountDownLatch release = new CountDownLatch(1);

	@Test
	void anEventInFlightIsFinishedCommittedAndAcknowledgedBeforeTheServiceStops() throws Exception {
		ConfigurableApplicationContext instance = secondInstance(SlowHandler.class);
		Event<OrderCreated> event = orderCreated(UUID.randomUUID(), list(UUID.randomUUID()));
		publish(event);
		assertThat(handling.await(20, TimeUnit.SECONDS)).isTrue();

		Thread closing = Thread.ofPlatform().start(instance::close);
		await().atMost(Duration.ofSeconds(10)).until(instance::isClosed);
		release.countDown();
		closing.join(Duration.ofSeconds(60));

		assertThat(closing.isAlive()).isFalse();
		assertThat(this.jdbc.sql(
				"SELECT count(*) FROM messaging.processed_messages WHERE consumer = 'messaging-shutdown-probe' AND event_id = ?")
			.param(event.id())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.nats.jetStreamManagement()
			.getConsumerInfo("ORDERS", "messaging-shutdown-probe")
			.getNumAckPending()).isZero();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SlowHandler {

		@Bean
		EventSubscription shutdownProbe() {
			return EventSubscription.to(EventStream.ORDERS)
				.durable("messaging-shutdown-probe")
				.on(OrderCreated.class, (event) -> {
					handling.countDown();
					try {
						release.await(30, TimeUnit.SECONDS);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IllegalStateException(ex);
					}
				})
				.build();
		}

	}

}
