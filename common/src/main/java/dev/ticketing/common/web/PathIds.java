package dev.ticketing.common.web;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import dev.ticketing.common.domain.DomainException;

/**
 * Ids in request paths. DESIGN §2: a malformed id is answered like an unknown one, so a
 * service parses the path variable itself and throws its own {@code *_not_found}. The
 * same canonical form is what {@link Uuid} accepts in request bodies.
 */
public final class PathIds {

	private PathIds() {
	}

	/**
	 * The UUID in canonical form ({@code 8-4-4-4-12} hex digits, either case), or the
	 * service's not-found problem. Forms {@link UUID#fromString} also accepts, such as
	 * {@code 1-1-1-1-1}, are refused.
	 */
	public static UUID parse(String id, Supplier<? extends DomainException> notFound) {
		return parse(id).orElseThrow(notFound);
	}

	/** The UUID in canonical form, or empty for anything else. */
	public static Optional<UUID> parse(String id) {
		try {
			UUID parsed = UUID.fromString(id);
			return parsed.toString().equalsIgnoreCase(id) ? Optional.of(parsed) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
