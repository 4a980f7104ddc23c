package dev.ticketing.tickets.ticket;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A listing and its rules. Every change returns a new ticket one version higher; a change
 * the ticket's status forbids is refused here, not by callers.
 *
 * @param id the ticket id
 * @param listing what the seller said
 * @param sellerId who listed it
 * @param status where it stands
 * @param orderId the order holding it while reserved or sold, else {@code null}
 * @param version starts at 1, one higher after each change
 * @param createdAt when it was listed
 * @param updatedAt when it last changed
 */
public record Ticket(UUID id, Listing listing, UUID sellerId, TicketStatus status, @Nullable UUID orderId, long version,
		Instant createdAt, Instant updatedAt) {

	/** A new listing, available to order. */
	public static Ticket list(UUID id, UUID sellerId, Listing listing, Instant now) {
		return new Ticket(id, listing, sellerId, TicketStatus.AVAILABLE, null, 1, now, now);
	}

	public boolean isSoldBy(UUID userId) {
		return this.sellerId.equals(userId);
	}

	/**
	 * The ticket with new details.
	 * @throws TicketReservedException unless it is available
	 */
	public Ticket edit(Listing changed, Instant now) {
		requireAvailable();
		return new Ticket(this.id, changed, this.sellerId, this.status, this.orderId, this.version + 1, this.createdAt,
				now);
	}

	/**
	 * The ticket taken off the market; a withdrawn ticket stays as it is.
	 * @throws TicketReservedException if an order holds it
	 */
	public Ticket withdraw(Instant now) {
		if (this.status == TicketStatus.WITHDRAWN) {
			return this;
		}
		requireAvailable();
		return to(TicketStatus.WITHDRAWN, null, now);
	}

	/** The ticket held by an order, if it is available. */
	public Optional<Ticket> reserve(UUID order, Instant now) {
		return (this.status == TicketStatus.AVAILABLE) ? Optional.of(to(TicketStatus.RESERVED, order, now))
				: Optional.empty();
	}

	/** The ticket available again, if it is reserved by this order. */
	public Optional<Ticket> release(UUID order, Instant now) {
		return (this.status == TicketStatus.RESERVED && order.equals(this.orderId))
				? Optional.of(to(TicketStatus.AVAILABLE, null, now)) : Optional.empty();
	}

	/**
	 * The ticket sold to this order, if it is available or reserved by it. (An
	 * {@code order.completed} may arrive before the {@code order.created} it follows.)
	 */
	public Optional<Ticket> sell(UUID order, Instant now) {
		boolean heldByOrder = this.status == TicketStatus.RESERVED && order.equals(this.orderId);
		return (this.status == TicketStatus.AVAILABLE || heldByOrder) ? Optional.of(to(TicketStatus.SOLD, order, now))
				: Optional.empty();
	}

	private void requireAvailable() {
		if (this.status != TicketStatus.AVAILABLE) {
			throw new TicketReservedException(this.status);
		}
	}

	private Ticket to(TicketStatus next, @Nullable UUID order, Instant now) {
		return new Ticket(this.id, this.listing, this.sellerId, next, order, this.version + 1, this.createdAt, now);
	}

}
