package dev.ticketing.common.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import dev.ticketing.common.testing.StreamMessages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The relay dies after JetStream acknowledged a publish and before it marked the row sent
 * (here: marking fails, so the claiming transaction rolls back, exactly as if the process
 * had died). The row is published again and JetStream's duplicate detection on
 * {@code Nats-Msg-Id} keeps the stream at one copy.
 */
@Import(RelayCrashIntegrationTests.CrashingMarkSent.class)
class RelayCrashIntegrationTests extends MessagingIntegrationTest {

	private static final AtomicBoolean crashOnNextMark = new AtomicBoolean();

	@Autowired
	MeterRegistry meters;

	@Test
	void aRelayThatDiesBetweenPublishAndMarkSentCausesNoDuplicate() {
		double duplicatesBefore = this.meters.get("ticketing.outbox.duplicates").counter().count();
		crashOnNextMark.set(true);

		String id = list(UUID.randomUUID());

		await().atMost(Duration.ofSeconds(20)).until(() -> !crashOnNextMark.get() && unsentEvents() == 0);
		assertThat(this.meters.get("ticketing.outbox.duplicates").counter().count())
			.isGreaterThanOrEqualTo(duplicatesBefore + 1);
		List<StreamMessages.Stored> messages = StreamMessages.about(this.nats, "TICKETS", id);
		assertThat(messages).hasSize(1);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class CrashingMarkSent {

		@Bean
		static BeanPostProcessor crashingOutboxStore() {
			return new BeanPostProcessor() {

				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return (bean instanceof OutboxStore store) ? new Crashing(store) : bean;
				}

			};
		}

	}

	private record Crashing(OutboxStore delegate) implements OutboxStore {

		@Override
		public void add(OutboxMessage message, Instant occurredAt) {
			this.delegate.add(message, occurredAt);
		}

		@Override
		public List<OutboxMessage> claimUnsent(int limit) {
			return this.delegate.claimUnsent(limit);
		}

		@Override
		public void markSent(Collection<OutboxMessage> messages, Instant sentAt) {
			if (!messages.isEmpty() && crashOnNextMark.compareAndSet(true, false)) {
				throw new IllegalStateException("Relay died after the PubAck");
			}
			this.delegate.markSent(messages, sentAt);
		}

		@Override
		public int purgeSentBefore(Instant cutoff) {
			return this.delegate.purgeSentBefore(cutoff);
		}

		@Override
		public long countUnsent() {
			return this.delegate.countUnsent();
		}

		@Override
		public Optional<Instant> oldestUnsentAt() {
			return this.delegate.oldestUnsentAt();
		}

	}

}
