package dev.ticketing.common.messaging;

/**
 * Thrown by an {@link EventHandler} for an event that can never be applied (it refers to
 * something that does not exist, or breaks an invariant). The message goes to the
 * dead-letter stream at once instead of being redelivered.
 */
public class PoisonEventException extends RuntimeException {

	public PoisonEventException(String message) {
		super(message);
	}

}
