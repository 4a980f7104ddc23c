package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a seller has earned ({@code GET /api/payments/earnings}).
 *
 * @param balances per currency
 * @param nextReleaseAt when the next of their orders' money is released, {@code null} if
 * none is held
 */
public record Earnings(List<Balance> balances, @Nullable Instant nextReleaseAt) {

	/**
	 * @param currency ISO 4217
	 * @param pending in escrow, in minor units
	 * @param available released and not paid out yet; negative when a refund took back
	 * more than was left
	 * @param paidOut the sum of paid payouts
	 */
	public record Balance(String currency, long pending, long available, long paidOut) {

	}

}
