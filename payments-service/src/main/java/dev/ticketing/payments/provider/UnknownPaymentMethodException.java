package dev.ticketing.payments.provider;

import java.util.List;

import org.springframework.http.HttpStatus;

import dev.ticketing.common.web.ApiException;
import dev.ticketing.common.web.Problems;

/**
 * 400: the provider knows no such payment method; nothing was charged.
 */
public class UnknownPaymentMethodException extends ApiException {

	public UnknownPaymentMethodException() {
		super(HttpStatus.BAD_REQUEST, "validation_failed", "The request has invalid fields.");
	}

	@Override
	public List<Problems.FieldError> errors() {
		return List.of(new Problems.FieldError("paymentMethod", "is not a payment method the provider knows"));
	}

}
