package dev.ticketing.orders.order;

import java.time.Instant;

/**
 * Breaks {@code onlyTheOrderAndItsStoreConstructOrders} on purpose: a class of the order
 * package that changes an order by building a new one instead of through a transition.
 * Only {@code OrderRulesTests} looks at it.
 */
final class OrderRebuilder {

	private OrderRebuilder() {
	}

	static Order expireNow(Order order, Instant now) {
		return new Order(order.id(), order.userId(), order.ticket(), OrderStatus.CANCELLED, CancelReason.EXPIRED, null,
				order.expiresAt(), order.version() + 1, order.createdAt(), now);
	}

}
