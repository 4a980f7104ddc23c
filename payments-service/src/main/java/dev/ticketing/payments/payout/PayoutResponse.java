package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A payout as {@code GET /api/payments/payouts} shows it.
 */
record PayoutResponse(UUID id, long amount, String currency, String status, String method, Instant createdAt,
		@Nullable Instant paidAt) {

	static PayoutResponse of(Payout payout) {
		return new PayoutResponse(payout.id(), payout.amount(), payout.currency(), payout.status(), payout.method(),
				payout.createdAt(), payout.paidAt());
	}

}
