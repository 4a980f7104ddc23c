package dev.ticketing.common.web;

/**
 * Which page of a list a client asks for (DESIGN §2): query parameters {@code page} (from
 * 0, default 0) and {@code size} (1 to 100, default 20). A controller takes it as a
 * parameter; {@link PageQueryResolver} reads it, and refuses other values with a
 * {@code validation_failed} problem naming the parameter.
 *
 * @param page the page number, from 0
 * @param size how many items a page holds
 */
public record PageQuery(int page, int size) {

	/** The largest page size. */
	public static final int MAX_SIZE = 100;

	/** The page size when none is asked for. */
	public static final int DEFAULT_SIZE = 20;

	public PageQuery {
		if (page < 0 || size < 1 || size > MAX_SIZE) {
			throw new IllegalArgumentException("page " + page + " of size " + size + " is out of range");
		}
	}

	/** The first page, of the default size. */
	public static PageQuery first() {
		return new PageQuery(0, DEFAULT_SIZE);
	}

	/** How many items the pages before this one hold, for SQL's {@code OFFSET}. */
	public long offset() {
		return (long) this.page * this.size;
	}

	/**
	 * How many items a bounded count of a list counts exactly for this page: {@code cap},
	 * or up to the end of this page when that is further, so that the pages a client
	 * reaches by "next" are counted as it gets there. Counting one more than this tells
	 * whether there are more ({@link PageResponse#bounded}).
	 * @param cap how many items a count always covers, at least 1
	 */
	public long countBound(long cap) {
		if (cap < 1) {
			throw new IllegalArgumentException("count cap " + cap + " is not positive");
		}
		return Math.max(cap, offset() + this.size);
	}

}
