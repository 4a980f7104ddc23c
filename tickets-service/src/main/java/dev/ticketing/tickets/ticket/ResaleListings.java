package dev.ticketing.tickets.ticket;

/**
 * What else must happen when a resale listing changes, told by this package to whoever
 * keeps the resellers' passes (a port, so listings know nothing of passes).
 */
public interface ResaleListings {

	/**
	 * A resale listing was withdrawn, in the current transaction: its seller holds the
	 * ticket again.
	 */
	void withdrawn(Ticket resale);

}
