package dev.ticketing.orders.archfixture;

import java.time.Instant;
import java.util.UUID;

import dev.ticketing.orders.order.Order;
import dev.ticketing.orders.order.OrderStatus;
import dev.ticketing.orders.order.OrderedTicket;

/**
 * Breaks {@code onlyTheOrderPackageMakesOrChangesOrders} on purpose: code outside the
 * order package that builds an order and moves it on. Only {@code OrderRulesTests} looks
 * at it.
 */
public final class OrderForger {

	private OrderForger() {
	}

	public static Order paidOrder(UUID buyer) {
		Instant now = Instant.now();
		Order order = new Order(UUID.randomUUID(), buyer,
				new OrderedTicket(UUID.randomUUID(), "Forged", 100, "EUR", null, null), OrderStatus.CREATED, null, null,
				now.plusSeconds(60), 1, now, now);
		return order.complete(UUID.randomUUID(), now);
	}

}
