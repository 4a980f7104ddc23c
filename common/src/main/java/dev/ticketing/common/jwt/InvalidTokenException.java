package dev.ticketing.common.jwt;

/**
 * A token that is not acceptable: malformed, badly signed, expired, or issued for someone
 * else. The message is for logs only, never for a response.
 */
public class InvalidTokenException extends RuntimeException {

	public InvalidTokenException(String message) {
		super(message);
	}

	public InvalidTokenException(String message, Throwable cause) {
		super(message, cause);
	}

}
