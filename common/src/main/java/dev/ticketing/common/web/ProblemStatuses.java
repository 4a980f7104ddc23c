package dev.ticketing.common.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;

/**
 * The HTTP status of each refusal code: the one place where a service's domain
 * ({@link dev.ticketing.common.domain.DomainException}) meets HTTP. Each service declares
 * one bean listing its codes; the codes common itself uses ({@code validation_failed},
 * {@code not_found}, ...) are built in. A code mapped twice to different statuses stops
 * the service at start-up; a refusal whose code is not mapped is logged as an error and
 * answered with 500, so a missing entry is found by the first test that meets it.
 *
 * <pre>
 * &#64;Bean
 * ProblemStatuses ticketsProblemStatuses() {
 *     return ProblemStatuses.builder()
 *         .map(HttpStatus.NOT_FOUND, "ticket_not_found")
 *         .map(HttpStatus.CONFLICT, "ticket_reserved", "version_conflict")
 *         .build();
 * }
 * </pre>
 */
public final class ProblemStatuses {

	/**
	 * The codes common itself uses: {@code validation_failed}, and {@link Problems}' own
	 * code for each status a refusal may have.
	 */
	static final ProblemStatuses COMMON = common();

	private final Map<String, HttpStatus> statuses;

	private ProblemStatuses(Map<String, HttpStatus> statuses) {
		this.statuses = Map.copyOf(statuses);
	}

	private static ProblemStatuses common() {
		Builder common = builder().map(HttpStatus.BAD_REQUEST, "validation_failed");
		for (HttpStatus status : List.of(HttpStatus.BAD_REQUEST, HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN,
				HttpStatus.NOT_FOUND, HttpStatus.CONFLICT, HttpStatus.TOO_MANY_REQUESTS,
				HttpStatus.SERVICE_UNAVAILABLE)) {
			common.map(status, Problems.defaultCode(status.value()));
		}
		return common.build();
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The status of a code, if it is mapped. */
	public Optional<HttpStatus> statusOf(String code) {
		return Optional.ofNullable(this.statuses.get(code));
	}

	/**
	 * All of them in one: common's codes and each service's.
	 * @throws IllegalStateException if two of them give one code different statuses
	 */
	static ProblemStatuses merge(Collection<ProblemStatuses> all) {
		Builder merged = builder();
		COMMON.statuses.forEach((code, status) -> merged.map(status, code));
		all.forEach((part) -> part.statuses.forEach((code, status) -> merged.map(status, code)));
		return merged.build();
	}

	/**
	 * Builds {@link ProblemStatuses}.
	 */
	public static final class Builder {

		private final Map<String, HttpStatus> statuses = new LinkedHashMap<>();

		private Builder() {
		}

		/** Answers each of {@code codes} with {@code status}. */
		public Builder map(HttpStatus status, String... codes) {
			Arrays.stream(codes).forEach((code) -> {
				HttpStatus previous = this.statuses.putIfAbsent(code, status);
				if (previous != null && previous != status) {
					throw new IllegalStateException(
							"Refusal code " + code + " is mapped to both " + previous + " and " + status);
				}
			});
			return this;
		}

		public ProblemStatuses build() {
			return new ProblemStatuses(this.statuses);
		}

	}

}
