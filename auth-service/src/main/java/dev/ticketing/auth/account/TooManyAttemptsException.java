package dev.ticketing.auth.account;

import java.time.Duration;
import java.util.Optional;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code too_many_attempts}: a sign-in limit is exhausted until {@link #retryAfter()}.
 */
public class TooManyAttemptsException extends DomainException {

	private final Duration retryAfter;

	public TooManyAttemptsException(Duration retryAfter) {
		super("too_many_attempts", "Too many sign-in attempts; try again later.");
		this.retryAfter = retryAfter;
	}

	@Override
	public Optional<Duration> retryAfter() {
		return Optional.of(this.retryAfter);
	}

}
