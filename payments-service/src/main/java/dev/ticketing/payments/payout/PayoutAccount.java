package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a seller wants to be paid.
 *
 * @param userId the seller
 * @param method {@code simulated} or {@code stripe}
 * @param reference where to within the method: for {@code stripe}, a connected account
 * {@code acct_…}
 * @param updatedAt when it was last set
 */
public record PayoutAccount(UUID userId, String method, String reference, Instant updatedAt) {

	/** How many of the reference's last characters are shown. */
	static final int SHOWN = 4;

	/** The reference as it may be shown: masked but for its last characters. */
	public String maskedReference() {
		int hidden = Math.max(0, this.reference.length() - SHOWN);
		return "•".repeat(hidden) + this.reference.substring(hidden);
	}

}
