package dev.ticketing.tickets.pass;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A pass and its rules: issued {@code valid} to the buyer of a listing, {@code listed}
 * while its holder resells it, {@code used} once checked in, {@code void} when a resale
 * of it is sold or its order is refunded. Every change returns a new pass.
 *
 * @param id the pass id, signed into its code
 * @param ticketId the listing it was bought through
 * @param originId the first listing of the ticket's resale chain
 * @param holderId who holds it
 * @param orderId the order that bought it
 * @param status where it stands
 * @param code the compact JWS that admits its holder
 * @param resaleId the holder's resale listing of it while {@code listed} (kept after)
 * @param voidReason why it is {@code void}
 * @param issuedAt when it was issued
 * @param checkedInAt when it was used at the door
 * @param voidedAt when it became {@code void}
 * @param updatedAt when it last changed
 */
public record Pass(UUID id, UUID ticketId, UUID originId, UUID holderId, UUID orderId, PassStatus status, String code,
		@Nullable UUID resaleId, @Nullable VoidReason voidReason, Instant issuedAt, @Nullable Instant checkedInAt,
		@Nullable Instant voidedAt, Instant updatedAt) {

	/** A new pass, valid, or void at once if its order is already refunded. */
	static Pass issue(UUID id, UUID ticketId, UUID originId, UUID holderId, UUID orderId, String code, boolean refunded,
			Instant now) {
		Pass pass = new Pass(id, ticketId, originId, holderId, orderId, PassStatus.VALID, code, null, null, now, null,
				null, now);
		return refunded ? pass.voidFor(VoidReason.REFUNDED, now) : pass;
	}

	public boolean isHeldBy(UUID userId) {
		return this.holderId.equals(userId);
	}

	/**
	 * The pass listed for resale by {@code resaleId}.
	 * @throws AlreadyListedException, AlreadyCheckedInException, PassVoidException unless
	 * it is valid
	 */
	Pass listAs(UUID resaleId, Instant now) {
		requireListable();
		return new Pass(this.id, this.ticketId, this.originId, this.holderId, this.orderId, PassStatus.LISTED,
				this.code, resaleId, null, this.issuedAt, null, null, now);
	}

	/** The pass valid again, if it is listed by this resale listing. */
	@Nullable Pass unlist(UUID resaleId, Instant now) {
		if (this.status != PassStatus.LISTED || !resaleId.equals(this.resaleId)) {
			return null;
		}
		return new Pass(this.id, this.ticketId, this.originId, this.holderId, this.orderId, PassStatus.VALID, this.code,
				this.resaleId, null, this.issuedAt, null, null, now);
	}

	/** The pass void; a void pass stays as it was. */
	Pass voidFor(VoidReason reason, Instant now) {
		if (this.status == PassStatus.VOID) {
			return this;
		}
		return new Pass(this.id, this.ticketId, this.originId, this.holderId, this.orderId, PassStatus.VOID, this.code,
				this.resaleId, reason, this.issuedAt, this.checkedInAt, now, now);
	}

	/**
	 * Why this pass does not admit anyone now.
	 * @throws IllegalStateException if it is valid
	 */
	RuntimeException refusal() {
		return switch (this.status) {
			case LISTED -> new TicketListedException();
			case USED -> new AlreadyCheckedInException(checkedIn());
			case VOID -> new PassVoidException();
			case VALID -> throw new IllegalStateException("A valid pass is not refused");
		};
	}

	/**
	 * @throws AlreadyListedException, AlreadyCheckedInException, PassVoidException unless
	 * it is valid
	 */
	void requireListable() {
		if (this.status == PassStatus.LISTED) {
			throw new AlreadyListedException();
		}
		if (this.status != PassStatus.VALID) {
			throw refusal();
		}
	}

	private Instant checkedIn() {
		if (this.checkedInAt == null) {
			throw new IllegalStateException("Pass " + this.id + " is used but has no check-in time");
		}
		return this.checkedInAt;
	}

}
