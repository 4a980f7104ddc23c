package dev.ticketing.tickets.ticket;

/**
 * How many matching listings {@code GET /api/tickets} always counts exactly (ADR 18):
 * past it a page's total is a lower bound ({@code "totalExact": false}), so a page never
 * costs a count of every listing.
 *
 * @param listings {@code TICKETS_COUNT_CAP}, at least 1
 */
public record CountCap(int listings) {

	/** The largest cap accepted. */
	public static final int MAX_LISTINGS = 100_000;

	public CountCap {
		if (listings < 1 || listings > MAX_LISTINGS) {
			throw new IllegalArgumentException("The count cap must be between 1 and " + MAX_LISTINGS + " listings");
		}
	}

}
