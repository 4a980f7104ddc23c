package dev.ticketing.common.web;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

/**
 * One page of a list (DESIGN §2): {@code {"items", "page", "size", "totalItems",
 * "totalPages"}}, and {@code "totalExact"} on a list whose count is bounded.
 *
 * @param <T> the item type
 * @param items the items of this page
 * @param page the page number, from 0
 * @param size the page size asked for
 * @param totalItems how many items all pages hold; when {@code totalExact} is
 * {@code false}, a lower bound: there are more than this many
 * @param totalPages how many pages {@code totalItems} fill, {@code totalItems / size}
 * rounded up; when {@code totalExact} is {@code false} there is at least one more
 * @param totalExact {@code true} when {@code totalItems} is exact, {@code false} when
 * counting stopped at it; {@code null} (left out of the JSON) on a list that is always
 * counted exactly
 */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, long totalPages,
		@JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Boolean totalExact) {

	/** The page {@code query} asked for: {@code items} out of {@code totalItems}. */
	public static <T> PageResponse<T> of(List<T> items, PageQuery query, long totalItems) {
		return new PageResponse<>(items, query.page(), query.size(), totalItems, pages(totalItems, query), null);
	}

	/**
	 * The page {@code query} asked for out of a list counted only up to
	 * {@link PageQuery#countBound(long) query.countBound(cap)}.
	 * @param counted how many items were found when counting at most one more than the
	 * bound
	 * @param bound where counting stopped being exact
	 */
	public static <T> PageResponse<T> bounded(List<T> items, PageQuery query, long counted, long bound) {
		long totalItems = Math.min(counted, bound);
		return new PageResponse<>(items, query.page(), query.size(), totalItems, pages(totalItems, query),
				counted <= bound);
	}

	/** The same page with each item converted. */
	public <R> PageResponse<R> map(Function<? super T, R> converter) {
		return new PageResponse<>(this.items.stream().<R>map(converter).toList(), this.page, this.size, this.totalItems,
				this.totalPages, this.totalExact);
	}

	private static long pages(long totalItems, PageQuery query) {
		return (totalItems + query.size() - 1) / query.size();
	}

}
