package dev.ticketing.payments.payment;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code already_refunded}: the payment was given back before.
 */
public class PaymentAlreadyRefundedException extends DomainException {

	public PaymentAlreadyRefundedException() {
		super("already_refunded", "This payment has already been refunded.");
	}

}
