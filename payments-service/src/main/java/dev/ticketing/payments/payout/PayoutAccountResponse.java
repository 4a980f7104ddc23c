package dev.ticketing.payments.payout;

import java.time.Instant;

/**
 * A payout account as the API shows it: the reference masked.
 */
record PayoutAccountResponse(String method, String reference, Instant updatedAt) {

	static PayoutAccountResponse of(PayoutAccount account) {
		return new PayoutAccountResponse(account.method(), account.maskedReference(), account.updatedAt());
	}

}
