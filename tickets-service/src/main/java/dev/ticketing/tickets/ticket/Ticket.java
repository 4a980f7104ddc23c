package dev.ticketing.tickets.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A listing and its rules. Every change returns a new ticket one version higher; a change
 * the ticket's status forbids is refused here, not by callers.
 *
 * @param id the ticket id
 * @param listing what the seller said
 * @param faceValue what the ticket originally cost, in minor units of the listing's
 * currency; fixed at the first listing and copied to every resale
 * @param resoldFrom the listing whose buyer resells the ticket here, {@code null} for a
 * first listing
 * @param sellerId who listed it
 * @param status where it stands
 * @param orderId the order holding it while reserved or sold, else {@code null}
 * @param version starts at 1, one higher after each change
 * @param createdAt when it was listed
 * @param updatedAt when it last changed
 */
public record Ticket(UUID id, Listing listing, long faceValue, @Nullable UUID resoldFrom, UUID sellerId,
		TicketStatus status, @Nullable UUID orderId, long version, Instant createdAt, Instant updatedAt) {

	/**
	 * A first listing, available to order.
	 * @param faceValue what the ticket cost, {@code null} for its price
	 * @throws PriceAboveCapException if the price is above the cap for that face value
	 */
	public static Ticket list(UUID id, UUID sellerId, Listing listing, @Nullable Long faceValue, PriceCap cap,
			Instant now) {
		long face = (faceValue != null) ? faceValue : listing.price();
		cap.check(listing.price(), face, listing.currency());
		return new Ticket(id, listing, face, null, sellerId, TicketStatus.AVAILABLE, null, 1, now, now);
	}

	/**
	 * A new listing of this ticket by the buyer who holds it: what describes the ticket
	 * (title, venue, time, currency, face value) copied, price and description the
	 * reseller's.
	 * @throws EventOverException if the event has taken place
	 * @throws PriceAboveCapException if the price is above the cap
	 */
	public Ticket resell(UUID id, UUID reseller, long price, @Nullable String description, PriceCap cap, Instant now) {
		if (this.listing.eventAt() != null && !this.listing.eventAt().isAfter(now)) {
			throw new EventOverException();
		}
		Listing resale = new Listing(this.listing.title(), price, this.listing.currency(), description,
				this.listing.venue(), this.listing.eventAt());
		cap.check(price, this.faceValue, this.listing.currency());
		return new Ticket(id, resale, this.faceValue, this.id, reseller, TicketStatus.AVAILABLE, null, 1, now, now);
	}

	public boolean isResale() {
		return this.resoldFrom != null;
	}

	public boolean isSoldBy(UUID userId) {
		return this.sellerId.equals(userId);
	}

	/**
	 * The ticket with new details; its face value stays.
	 * @throws TicketReservedException unless it is available
	 * @throws ResaleFixedException if it is a resale listing and the change is to more
	 * than its price and description
	 * @throws PriceAboveCapException if the new price is above the cap
	 */
	public Ticket edit(Listing changed, PriceCap cap, Instant now) {
		requireAvailable();
		if (isResale()) {
			List<String> fixed = new ArrayList<>();
			differs(fixed, "title", this.listing.title(), changed.title());
			differs(fixed, "currency", this.listing.currency(), changed.currency());
			differs(fixed, "venue", this.listing.venue(), changed.venue());
			differs(fixed, "eventAt", this.listing.eventAt(), changed.eventAt());
			if (!fixed.isEmpty()) {
				throw new ResaleFixedException(fixed);
			}
		}
		cap.check(changed.price(), this.faceValue, changed.currency());
		return new Ticket(this.id, changed, this.faceValue, this.resoldFrom, this.sellerId, this.status, this.orderId,
				this.version + 1, this.createdAt, now);
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

	private static void differs(List<String> fields, String field, @Nullable Object was, @Nullable Object is) {
		if (!Objects.equals(was, is)) {
			fields.add(field);
		}
	}

	private void requireAvailable() {
		if (this.status != TicketStatus.AVAILABLE) {
			throw new TicketReservedException(this.status);
		}
	}

	private Ticket to(TicketStatus next, @Nullable UUID order, Instant now) {
		return new Ticket(this.id, this.listing, this.faceValue, this.resoldFrom, this.sellerId, next, order,
				this.version + 1, this.createdAt, now);
	}

}
