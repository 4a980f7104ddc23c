package dev.ticketing.auth.account;

import java.time.Duration;

import dev.ticketing.common.web.ApiException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

public class TooManyAttemptsException extends ApiException {

	private final Duration retryAfter;

	public TooManyAttemptsException(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, "too_many_attempts", "Too many sign-in attempts; try again later.");
		this.retryAfter = retryAfter;
	}

	/** Whole seconds, rounded up, at least one. */
	public long retryAfterSeconds() {
		long seconds = (this.retryAfter.toMillis() + 999) / 1000;
		return Math.max(1, seconds);
	}

	@Override
	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds()));
		return headers;
	}

}
