package dev.ticketing.payments.payout;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * A {@code validation_failed} refusal of a payout account: a method this installation
 * cannot pay with, or a reference that does not suit the method.
 */
public class PayoutAccountInvalidException extends DomainException {

	private final String field;

	private final String reason;

	PayoutAccountInvalidException(String field, String reason) {
		super("validation_failed", "The payout account is not valid: " + field + " " + reason + ".");
		this.field = field;
		this.reason = reason;
	}

	@Override
	public List<InvalidField> invalidFields() {
		return List.of(new InvalidField(this.field, this.reason));
	}

}
