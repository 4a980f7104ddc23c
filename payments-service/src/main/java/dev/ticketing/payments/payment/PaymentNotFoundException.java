package dev.ticketing.payments.payment;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code payment_not_found}: unknown, or not the caller's.
 */
public class PaymentNotFoundException extends DomainException {

	public PaymentNotFoundException() {
		super("payment_not_found", "There is no such payment.");
	}

}
