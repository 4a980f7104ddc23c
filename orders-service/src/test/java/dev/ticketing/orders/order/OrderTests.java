package dev.ticketing.orders.order;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderTests {

	private static final Instant PLACED_AT = Instant.parse("2030-06-01T12:00:00Z");

	private static final Instant EXPIRES_AT = PLACED_AT.plus(Duration.ofMinutes(15));

	private static final Instant CHANGED_AT = PLACED_AT.plus(Duration.ofMinutes(5));

	private static final Instant LATER = PLACED_AT.plus(Duration.ofMinutes(10));

	private static final UUID ORDER = UUID.fromString("00000000-0000-0000-0000-0000000000a1");

	private static final UUID BUYER = UUID.fromString("00000000-0000-0000-0000-0000000000b1");

	private static final UUID SOMEONE_ELSE = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

	private static final UUID PAYMENT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");

	private static final OrderedTicket TICKET = new OrderedTicket(
			UUID.fromString("00000000-0000-0000-0000-0000000000d1"), "Concert", 4_500, "EUR", null, null);

	@Test
	void placingAnOrderHoldsTheTicketAtVersionOne() {
		Order order = placed();
		assertThat(order.id()).isEqualTo(ORDER);
		assertThat(order.userId()).isEqualTo(BUYER);
		assertThat(order.ticket()).isEqualTo(TICKET);
		assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
		assertThat(order.cancelReason()).isNull();
		assertThat(order.paymentId()).isNull();
		assertThat(order.expiresAt()).isEqualTo(EXPIRES_AT);
		assertThat(order.version()).isEqualTo(1);
		assertThat(order.createdAt()).isEqualTo(PLACED_AT);
		assertThat(order.updatedAt()).isEqualTo(PLACED_AT);
	}

	@Test
	void anOrderIsPlacedByItsBuyerOnly() {
		assertThat(placed().isPlacedBy(BUYER)).isTrue();
		assertThat(placed().isPlacedBy(SOMEONE_ELSE)).isFalse();
	}

	@Test
	void aCreatedOrderIsNotExpiredBeforeItsHoldRunsOut() {
		assertThat(placed().isExpiredAt(PLACED_AT)).isFalse();
		assertThat(placed().isExpiredAt(EXPIRES_AT.minusNanos(1_000))).isFalse();
		assertThat(placed().isExpiredAt(EXPIRES_AT.minusNanos(1))).isFalse();
	}

	@Test
	void aCreatedOrderIsExpiredExactlyWhenItsHoldRunsOutAndAfter() {
		assertThat(placed().isExpiredAt(EXPIRES_AT)).isTrue();
		assertThat(placed().isExpiredAt(EXPIRES_AT.plusNanos(1_000))).isTrue();
		assertThat(placed().isExpiredAt(EXPIRES_AT.plus(Duration.ofDays(1)))).isTrue();
	}

	@Test
	void aCancelledOrderIsNeverExpired() {
		assertThat(cancelled().isExpiredAt(EXPIRES_AT)).isFalse();
		assertThat(cancelled().isExpiredAt(EXPIRES_AT.plus(Duration.ofDays(1)))).isFalse();
	}

	@Test
	void aCompleteOrderIsNeverExpired() {
		assertThat(complete().isExpiredAt(EXPIRES_AT)).isFalse();
		assertThat(complete().isExpiredAt(EXPIRES_AT.plus(Duration.ofDays(1)))).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CancelReason.class)
	void cancellingACreatedOrderRecordsTheReasonOneVersionHigher(CancelReason reason) {
		Order order = placed().cancel(reason, CHANGED_AT);
		assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
		assertThat(order.cancelReason()).isEqualTo(reason);
		assertThat(order.paymentId()).isNull();
		assertThat(order.version()).isEqualTo(2);
		assertThat(order.updatedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(order);
	}

	@Test
	void completingACreatedOrderRecordsThePaymentOneVersionHigher() {
		Order order = placed().complete(PAYMENT, CHANGED_AT);
		assertThat(order.status()).isEqualTo(OrderStatus.COMPLETE);
		assertThat(order.paymentId()).isEqualTo(PAYMENT);
		assertThat(order.cancelReason()).isNull();
		assertThat(order.version()).isEqualTo(2);
		assertThat(order.updatedAt()).isEqualTo(CHANGED_AT);
		assertCarriedOver(order);
	}

	@Test
	void aTransitionLeavesTheOrderItStartedFromAsItWas() {
		Order order = placed();
		order.cancel(CancelReason.USER, CHANGED_AT);
		order.complete(PAYMENT, CHANGED_AT);
		assertThat(order).isEqualTo(placed());
	}

	@ParameterizedTest
	@EnumSource(CancelReason.class)
	void cancellingACancelledOrderIsRefused(CancelReason reason) {
		assertThatThrownBy(() -> cancelled().cancel(reason, LATER)).isInstanceOf(IllegalOrderTransitionException.class)
			.hasMessage("An order cannot go from cancelled to cancelled")
			.extracting((ex) -> ((IllegalOrderTransitionException) ex).from())
			.isEqualTo(OrderStatus.CANCELLED);
	}

	@ParameterizedTest
	@EnumSource(CancelReason.class)
	void cancellingACompleteOrderIsRefused(CancelReason reason) {
		assertThatThrownBy(() -> complete().cancel(reason, LATER)).isInstanceOf(IllegalOrderTransitionException.class)
			.hasMessage("An order cannot go from complete to cancelled")
			.extracting((ex) -> ((IllegalOrderTransitionException) ex).from())
			.isEqualTo(OrderStatus.COMPLETE);
	}

	@Test
	void completingACancelledOrderIsRefused() {
		assertThatThrownBy(() -> cancelled().complete(PAYMENT, LATER))
			.isInstanceOf(IllegalOrderTransitionException.class)
			.hasMessage("An order cannot go from cancelled to complete")
			.extracting((ex) -> ((IllegalOrderTransitionException) ex).from())
			.isEqualTo(OrderStatus.CANCELLED);
	}

	@Test
	void completingACompleteOrderIsRefusedEvenWithTheSamePayment() {
		assertThatThrownBy(() -> complete().complete(PAYMENT, LATER))
			.isInstanceOf(IllegalOrderTransitionException.class)
			.hasMessage("An order cannot go from complete to complete")
			.extracting((ex) -> ((IllegalOrderTransitionException) ex).from())
			.isEqualTo(OrderStatus.COMPLETE);
	}

	@Test
	void theBuyerCancellingACreatedOrderCancelsItForTheBuyer() {
		Optional<Order> cancelled = placed().cancelByBuyer(CHANGED_AT);
		assertThat(cancelled).hasValueSatisfying((order) -> {
			assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
			assertThat(order.cancelReason()).isEqualTo(CancelReason.USER);
			assertThat(order.paymentId()).isNull();
			assertThat(order.version()).isEqualTo(2);
			assertThat(order.updatedAt()).isEqualTo(CHANGED_AT);
			assertCarriedOver(order);
		});
	}

	@ParameterizedTest
	@EnumSource(CancelReason.class)
	void theBuyerCancellingACancelledOrderChangesNothing(CancelReason reason) {
		Order order = placed().cancel(reason, CHANGED_AT);
		assertThat(order.cancelByBuyer(LATER)).isEmpty();
	}

	@Test
	void theBuyerCancellingACompleteOrderIsRefused() {
		assertThatThrownBy(() -> complete().cancelByBuyer(LATER)).isInstanceOf(OrderNotCancellableException.class)
			.extracting((ex) -> ((OrderNotCancellableException) ex).code())
			.isEqualTo("order_not_cancellable");
	}

	private static void assertCarriedOver(Order order) {
		assertThat(order.id()).isEqualTo(ORDER);
		assertThat(order.userId()).isEqualTo(BUYER);
		assertThat(order.ticket()).isEqualTo(TICKET);
		assertThat(order.expiresAt()).isEqualTo(EXPIRES_AT);
		assertThat(order.createdAt()).isEqualTo(PLACED_AT);
	}

	private static Order placed() {
		return Order.place(ORDER, BUYER, TICKET, PLACED_AT, EXPIRES_AT);
	}

	private static Order cancelled() {
		return placed().cancel(CancelReason.EXPIRED, CHANGED_AT);
	}

	private static Order complete() {
		return placed().complete(PAYMENT, CHANGED_AT);
	}

}
