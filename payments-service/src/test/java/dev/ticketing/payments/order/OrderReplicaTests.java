package dev.ticketing.payments.order;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.ticketing.common.domain.DomainException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderReplicaTests {

	private static final Instant EXPIRES_AT = Instant.parse("2030-06-01T12:15:00Z");

	private static final Instant BEFORE_EXPIRY = EXPIRES_AT.minus(Duration.ofMinutes(10));

	private static final Instant AFTER_EXPIRY = EXPIRES_AT.plus(Duration.ofMinutes(10));

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

	@Test
	void anOrderIsPlacedByItsBuyerOnly() {
		assertThat(created().isPlacedBy(BUYER)).isTrue();
		assertThat(created().isPlacedBy(SOMEONE_ELSE)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "created, false, false", "cancelled, true, false", "complete, false, true" })
	void theStatusSaysWhetherTheOrderIsCancelledOrComplete(String status, boolean cancelled, boolean complete) {
		OrderReplica order = replica(status, 4_500L, "EUR", EXPIRES_AT);
		assertThat(order.isCancelled()).isEqualTo(cancelled);
		assertThat(order.isComplete()).isEqualTo(complete);
	}

	@ParameterizedTest
	@ValueSource(strings = { "CANCELLED", "Complete", "canceled", "" })
	void anyOtherStatusIsNeitherCancelledNorComplete(String status) {
		OrderReplica order = replica(status, 4_500L, "EUR", EXPIRES_AT);
		assertThat(order.isCancelled()).isFalse();
		assertThat(order.isComplete()).isFalse();
	}

	@Test
	void theHoldHasNotRunOutBeforeItsExpiry() {
		assertThat(created().isExpiredAt(BEFORE_EXPIRY)).isFalse();
		assertThat(created().isExpiredAt(EXPIRES_AT.minusNanos(1_000))).isFalse();
		assertThat(created().isExpiredAt(EXPIRES_AT.minusNanos(1))).isFalse();
	}

	@Test
	void theHoldRunsOutExactlyAtItsExpiryAndStaysRunOut() {
		assertThat(created().isExpiredAt(EXPIRES_AT)).isTrue();
		assertThat(created().isExpiredAt(EXPIRES_AT.plusNanos(1_000))).isTrue();
		assertThat(created().isExpiredAt(AFTER_EXPIRY)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "cancelled", "complete" })
	void theHoldRunsOutWhateverOrdersServiceHasDoneWithTheOrder(String status) {
		assertThat(replica(status, 4_500L, "EUR", EXPIRES_AT).isExpiredAt(EXPIRES_AT)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "created", "cancelled", "complete" })
	void anOrderWhoseHoldIsUnknownNeverExpires(String status) {
		assertThat(replica(status, null, null, null).isExpiredAt(Instant.MAX)).isFalse();
	}

	@Test
	void aCreatedOrderIsPaidItsPriceBeforeItsHoldRunsOut() {
		assertThat(created().priceToPayAt(BEFORE_EXPIRY)).isEqualTo(new OrderReplica.Price(4_500, "EUR"));
		assertThat(created().priceToPayAt(EXPIRES_AT.minusNanos(1_000)))
			.isEqualTo(new OrderReplica.Price(4_500, "EUR"));
	}

	@Test
	void payingACreatedOrderWhoseHoldRanOutIsRefused() {
		assertRefused(() -> created().priceToPayAt(EXPIRES_AT), OrderExpiredException.class, "order_expired");
		assertRefused(() -> created().priceToPayAt(AFTER_EXPIRY), OrderExpiredException.class, "order_expired");
	}

	@Test
	void payingACompleteOrderIsRefused() {
		OrderReplica order = replica("complete", 4_500L, "EUR", EXPIRES_AT);
		assertRefused(() -> order.priceToPayAt(BEFORE_EXPIRY), OrderPaidException.class, "order_paid");
	}

	@Test
	void payingACompleteOrderIsRefusedAsPaidEvenAfterItsHoldRanOut() {
		OrderReplica order = replica("complete", 4_500L, "EUR", EXPIRES_AT);
		assertRefused(() -> order.priceToPayAt(AFTER_EXPIRY), OrderPaidException.class, "order_paid");
	}

	@Test
	void payingACompleteOrderWhoseCreationWasNotSeenIsRefusedAsPaid() {
		OrderReplica order = replica("complete", null, null, null);
		assertRefused(() -> order.priceToPayAt(BEFORE_EXPIRY), OrderPaidException.class, "order_paid");
	}

	@Test
	void payingACancelledOrderIsRefused() {
		OrderReplica order = replica("cancelled", 4_500L, "EUR", EXPIRES_AT);
		assertRefused(() -> order.priceToPayAt(BEFORE_EXPIRY), OrderCancelledException.class, "order_cancelled");
	}

	@Test
	void payingACancelledOrderIsRefusedAsCancelledEvenAfterItsHoldRanOut() {
		OrderReplica order = replica("cancelled", 4_500L, "EUR", EXPIRES_AT);
		assertRefused(() -> order.priceToPayAt(AFTER_EXPIRY), OrderCancelledException.class, "order_cancelled");
	}

	@Test
	void payingACancelledOrderWhoseCreationWasNotSeenIsRefusedAsCancelled() {
		OrderReplica order = replica("cancelled", null, null, null);
		assertRefused(() -> order.priceToPayAt(BEFORE_EXPIRY), OrderCancelledException.class, "order_cancelled");
	}

	@Test
	void aCreatedOrderWhosePriceIsUnknownCannotBePriced() {
		OrderReplica order = replica("created", null, null, null);
		assertThatThrownBy(() -> order.priceToPayAt(BEFORE_EXPIRY)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Order " + ORDER + " is created but its price is unknown");
	}

	@Test
	void aCreatedOrderWithAnAmountButNoCurrencyCannotBePriced() {
		OrderReplica order = replica("created", 4_500L, null, EXPIRES_AT);
		assertThatThrownBy(() -> order.priceToPayAt(BEFORE_EXPIRY)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Order " + ORDER + " is created but its price is unknown");
	}

	@Test
	void aCreatedOrderWithACurrencyButNoAmountCannotBePriced() {
		OrderReplica order = replica("created", null, "EUR", EXPIRES_AT);
		assertThatThrownBy(() -> order.priceToPayAt(BEFORE_EXPIRY)).isInstanceOf(IllegalStateException.class)
			.hasMessage("Order " + ORDER + " is created but its price is unknown");
	}

	private static void assertRefused(ThrowingCallable payment, Class<? extends DomainException> refusal, String code) {
		assertThatThrownBy(payment).isInstanceOf(refusal)
			.extracting((ex) -> ((DomainException) ex).code())
			.isEqualTo(code);
	}

	private static OrderReplica created() {
		return replica("created", 4_500L, "EUR", EXPIRES_AT);
	}

	private static OrderReplica replica(String status, Long amount, String currency, Instant expiresAt) {
		return new OrderReplica(ORDER, 2, BUYER, status, amount, currency, expiresAt);
	}

}
