package dev.ticketing.orders.order;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An order and its state machine. Every change returns a new order one version higher; a
 * transition {@link OrderStatus#canBecome} does not allow is refused here.
 *
 * @param id the order id
 * @param userId the buyer
 * @param ticket the ticket held
 * @param status where the order stands
 * @param cancelReason why it was cancelled, {@code null} unless cancelled
 * @param paymentId the payment that completed it, {@code null} unless complete
 * @param expiresAt when the hold runs out
 * @param version starts at 1, one higher after each change
 * @param createdAt when it was placed
 * @param updatedAt when it last changed
 */
public record Order(UUID id, UUID userId, OrderedTicket ticket, OrderStatus status, @Nullable CancelReason cancelReason,
		@Nullable UUID paymentId, Instant expiresAt, long version, Instant createdAt, Instant updatedAt) {

	/** A new order holding {@code ticket} until {@code expiresAt}. */
	public static Order place(UUID id, UUID userId, OrderedTicket ticket, Instant now, Instant expiresAt) {
		return new Order(id, userId, ticket, OrderStatus.CREATED, null, null, expiresAt, 1, now, now);
	}

	public boolean isPlacedBy(UUID user) {
		return this.userId.equals(user);
	}

	/** Whether the hold has run out at {@code now}. */
	public boolean isExpiredAt(Instant now) {
		return this.status == OrderStatus.CREATED && !now.isBefore(this.expiresAt);
	}

	/**
	 * The buyer's cancellation: the order cancelled, or empty if it already is.
	 * @throws OrderNotCancellableException if the order is complete
	 */
	public Optional<Order> cancelByBuyer(Instant now) {
		return switch (this.status) {
			case CREATED -> Optional.of(cancel(CancelReason.USER, now));
			case CANCELLED -> Optional.empty();
			case COMPLETE -> throw new OrderNotCancellableException();
		};
	}

	/**
	 * The order cancelled for {@code reason}.
	 * @throws IllegalOrderTransitionException unless the order is {@code created}
	 */
	public Order cancel(CancelReason reason, Instant now) {
		requireTransition(OrderStatus.CANCELLED);
		return new Order(this.id, this.userId, this.ticket, OrderStatus.CANCELLED, reason, null, this.expiresAt,
				this.version + 1, this.createdAt, now);
	}

	/**
	 * The order paid by {@code payment}.
	 * @throws IllegalOrderTransitionException unless the order is {@code created}
	 */
	public Order complete(UUID payment, Instant now) {
		requireTransition(OrderStatus.COMPLETE);
		return new Order(this.id, this.userId, this.ticket, OrderStatus.COMPLETE, null, payment, this.expiresAt,
				this.version + 1, this.createdAt, now);
	}

	private void requireTransition(OrderStatus next) {
		if (!this.status.canBecome(next)) {
			throw new IllegalOrderTransitionException(this.status, next);
		}
	}

}
