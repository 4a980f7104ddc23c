package dev.ticketing.common.domain;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An action the domain refuses, in its own words: a stable snake_case {@code code} and a
 * sentence for the client. It knows nothing of HTTP: the web edge gives each code its
 * status in one place (the service's {@code ProblemStatuses}), so a refused business
 * action is never a 500. Each service extends it once per refusal
 * ({@code TicketNotFoundException}, ...). The message becomes the problem's
 * {@code detail} and is shown to clients: it must not carry internals.
 */
public abstract class DomainException extends RuntimeException {

	private final String code;

	private final String detail;

	protected DomainException(String code, String detail) {
		super(detail);
		this.code = code;
		this.detail = detail;
	}

	/** The stable, snake_case code of the refusal. */
	public String code() {
		return this.code;
	}

	/** What was refused and why, as a sentence for the client. */
	public String detail() {
		return this.detail;
	}

	/**
	 * The fields of the request the refusal is about, for a refusal that names fields
	 * (for example a payment method the provider does not know); none by default.
	 */
	public List<InvalidField> invalidFields() {
		return List.of();
	}

	/**
	 * Further facts about the refusal for the client, as extension members of the problem
	 * (for example when a pass was first used); none by default. Values must be JSON
	 * scalars.
	 */
	public Map<String, Object> members() {
		return Map.of();
	}

	/**
	 * How long until the same action may succeed, for a refusal that passes by itself (a
	 * rate limit); none by default.
	 */
	public Optional<Duration> retryAfter() {
		return Optional.empty();
	}

}
