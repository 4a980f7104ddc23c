package dev.ticketing.orders.order;

/**
 * A transition the order state machine does not allow, such as completing a cancelled
 * order.
 */
public class IllegalOrderTransitionException extends IllegalStateException {

	private final OrderStatus from;

	public IllegalOrderTransitionException(OrderStatus from, OrderStatus to) {
		super("An order cannot go from " + from.value() + " to " + to.value());
		this.from = from;
	}

	public OrderStatus from() {
		return this.from;
	}

}
