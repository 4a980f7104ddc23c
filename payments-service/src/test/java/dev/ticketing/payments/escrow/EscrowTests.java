package dev.ticketing.payments.escrow;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class EscrowTests {

	private static final Instant EVENT = Instant.parse("2026-12-24T20:00:00Z");

	private static final Instant COMPLETED = Instant.parse("2026-12-01T10:00:00Z");

	@Test
	void isReleasedTheDelayAfterTheEvent() {
		assertThat(Escrow.releaseAt(EVENT, COMPLETED, Duration.ofHours(48)))
			.isEqualTo(Instant.parse("2026-12-26T20:00:00Z"));
	}

	@Test
	void isReleasedTheDelayAfterTheCompletionWithoutAnEventTime() {
		assertThat(Escrow.releaseAt(null, COMPLETED, Duration.ofHours(48)))
			.isEqualTo(Instant.parse("2026-12-03T10:00:00Z"));
	}

	@Test
	void givesTheSellerTheAmountLessTheFeeOnceReleased() {
		Escrow held = new Escrow(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), 12_500, "EUR", EVENT, null,
				null, null, null);
		Escrow released = new Escrow(held.orderId(), held.paymentId(), held.sellerId(), 12_500, "EUR", EVENT, EVENT,
				625L, null, null);

		assertThat(held.isReleased()).isFalse();
		assertThatIllegalStateException().isThrownBy(held::net);
		assertThat(released.isReleased()).isTrue();
		assertThat(released.net()).isEqualTo(11_875);
	}

}
