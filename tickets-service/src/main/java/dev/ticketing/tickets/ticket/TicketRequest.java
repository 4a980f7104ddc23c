package dev.ticketing.tickets.ticket;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/tickets} and {@code PUT /api/tickets/{id}}.
 *
 * @param title 1–120 characters, not blank
 * @param price 1–100000000 minor units
 * @param faceValue 1–100000000 minor units; for {@code POST} what the ticket cost (its
 * price when absent), for {@code PUT} nothing but the current face value is accepted
 * @param currency three upper-case letters, {@code USD} when absent
 * @param description at most 2000 characters
 * @param venue at most 120 characters
 * @param eventAt in the future (and before the year 10000)
 * @param version for {@code PUT} only: the version the client edited; a stale one is 409
 * {@code version_conflict}
 */
public record TicketRequest(@NotBlank @Size(max = 120) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String title,
		@NotNull @Min(1) @Max(100_000_000) Long price, @Min(1) @Max(100_000_000) @Nullable Long faceValue,
		@Pattern(regexp = "[A-Z]{3}",
				message = "must be three upper-case letters (ISO 4217)") @Nullable String currency,
		@Size(max = 2000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String description,
		@Size(max = 120) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String venue,
		@Future @BeforeYear10000 @Nullable Instant eventAt, @Min(1) @Nullable Long version) {

	static final String DEFAULT_CURRENCY = "USD";

	/** PostgreSQL text cannot hold NUL characters: refused here rather than a 500. */
	public static final String NO_NUL = "[^\\x00]*";

	public static final String NO_NUL_MESSAGE = "must not contain NUL characters";

	/** The listing, with blank optional texts as absent. */
	Listing listing() {
		return new Listing(this.title.strip(), this.price, (this.currency != null) ? this.currency : DEFAULT_CURRENCY,
				blankToNull(this.description), blankToNull(this.venue), this.eventAt);
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
