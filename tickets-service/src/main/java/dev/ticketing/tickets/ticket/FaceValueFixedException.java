package dev.ticketing.tickets.ticket;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * A {@code validation_failed} refusal of an edit that tries to change the face value,
 * which is fixed when the ticket is first listed.
 */
public class FaceValueFixedException extends DomainException {

	public FaceValueFixedException(long faceValue) {
		super("validation_failed", "The face value is fixed when the ticket is first listed; it is " + faceValue + ".");
	}

	@Override
	public List<InvalidField> invalidFields() {
		return List.of(new InvalidField("faceValue", "cannot be changed"));
	}

}
