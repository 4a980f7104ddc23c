package dev.ticketing.common.events;

/**
 * A message that is not a readable event. Retrying cannot help, so consumers set it aside
 * at once (JetStream {@code term}) instead of redelivering it.
 */
public class MalformedEventException extends RuntimeException {

	public MalformedEventException(String message) {
		super(message);
	}

	public MalformedEventException(String message, Throwable cause) {
		super(message, cause);
	}

}
