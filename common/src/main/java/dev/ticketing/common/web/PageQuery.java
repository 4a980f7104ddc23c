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

}
