package dev.ticketing.payments.provider;

import java.util.List;

import dev.ticketing.common.domain.DomainException;
import dev.ticketing.common.domain.InvalidField;

/**
 * {@code validation_failed} on {@code paymentMethod}: the provider knows no such payment
 * method; nothing was charged.
 */
public class UnknownPaymentMethodException extends DomainException {

	public UnknownPaymentMethodException() {
		super("validation_failed", "The request has invalid fields.");
	}

	@Override
	public List<InvalidField> invalidFields() {
		return List.of(new InvalidField("paymentMethod", "is not a payment method the provider knows"));
	}

}
