package dev.ticketing.common.web;

import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A refused request that maps to one problem response: an HTTP status and a stable
 * {@code code}. Each service extends it once per problem
 * ({@code TicketNotFoundException}, ...), so a refused business action is never a 500.
 * The message becomes the problem's {@code detail} and is shown to clients: it must not
 * carry internals.
 */
public abstract class ApiException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	protected ApiException(HttpStatus status, String code, String detail) {
		super(detail);
		this.status = status;
		this.code = code;
	}

	/** The response status. */
	public HttpStatus status() {
		return this.status;
	}

	/** The stable, snake_case {@code code} of the problem. */
	public String code() {
		return this.code;
	}

	/**
	 * The field errors of a 400 {@code validation_failed} problem found by a service
	 * rather than by bean validation (for example a payment method the provider does not
	 * know); none by default.
	 */
	public List<Problems.FieldError> errors() {
		return List.of();
	}

	/** Extra response headers (such as {@code Retry-After}); none by default. */
	public HttpHeaders headers() {
		return HttpHeaders.EMPTY;
	}

}
