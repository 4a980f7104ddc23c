package dev.ticketing.common.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list (DESIGN §2): {@code {"items", "page", "size", "totalItems",
 * "totalPages"}}.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items all pages hold
 * @param totalPages how many pages there are
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages) {

	/** The page {@code query} asked for: {@code items} out of {@code totalItems}. */
	public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
		return new PageResponse<>(items, query.page(), query.size(), totalItems,
				(totalItems + query.size() - 1) / query.size());
	}

	/** The same page with each item converted. */
	public <R> PageResponse<R> map(Function<? super T, R> converter) {
		return new PageResponse<>(this.items.stream().<R>map(converter).toList(), this.page, this.size, this.totalItems,
				this.totalPages);
	}

}
