package dev.ticketing.common.messaging;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class VersionedUpsertTests {

	@Test
	void updatesOnlyWhenTheStoredVersionIsOlder() {
		String sql = VersionedUpsert.into("ticket_replicas")
			.set("id", UUID.randomUUID())
			.set("version", 3L)
			.set("title", "t")
			.sql();
		assertThat(sql).isEqualTo("INSERT INTO ticket_replicas (id, version, title) VALUES (?, ?, ?) "
				+ "ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, title = EXCLUDED.title "
				+ "WHERE ticket_replicas.version < EXCLUDED.version");
	}

	@Test
	void needsIdAndVersion() {
		assertThatIllegalStateException().isThrownBy(() -> VersionedUpsert.into("t").set("id", 1).sql());
		assertThatIllegalStateException().isThrownBy(() -> VersionedUpsert.into("t").set("version", 1).sql());
	}

	@Test
	void refusesAnythingButPlainIdentifiers() {
		assertThatIllegalArgumentException().isThrownBy(() -> VersionedUpsert.into("t; DROP TABLE x"));
		assertThatIllegalArgumentException().isThrownBy(() -> VersionedUpsert.into("t").set("Title", 1));
		assertThatIllegalArgumentException().isThrownBy(() -> VersionedUpsert.into("t").set("a\"b", 1));
	}

	@Test
	void consumerBackoffFollowsTheDeliveryCountAndRepeatsTheLastStep() {
		MessagingProperties.Consumer consumer = new MessagingProperties.Consumer(null, 5, Duration.ofSeconds(30),
				List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)), 1000,
				Duration.ofDays(8));
		assertThat(consumer.backoffAfter(1)).isEqualTo(Duration.ofSeconds(1));
		assertThat(consumer.backoffAfter(2)).isEqualTo(Duration.ofSeconds(5));
		assertThat(consumer.backoffAfter(3)).isEqualTo(Duration.ofSeconds(30));
		assertThat(consumer.backoffAfter(9)).isEqualTo(Duration.ofSeconds(30));
		assertThat(consumer.backoffAfter(0)).isEqualTo(Duration.ofSeconds(1));
	}

}
