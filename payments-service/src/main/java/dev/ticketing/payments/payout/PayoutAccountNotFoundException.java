package dev.ticketing.payments.payout;

import dev.ticketing.common.domain.DomainException;

/**
 * {@code payout_account_not_found}: the seller has not said where to be paid.
 */
public class PayoutAccountNotFoundException extends DomainException {

	public PayoutAccountNotFoundException() {
		super("payout_account_not_found", "No payout account is set.");
	}

}
