package dev.ticketing.payments.payout;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Money sent, or being sent, to a seller.
 *
 * @param id the payout id, also the provider's idempotency key
 * @param sellerId who is paid
 * @param amount in minor units
 * @param currency ISO 4217
 * @param method the payout method
 * @param reference where to, as the payout account said when it was made
 * @param transferGroup the provider's grouping of it with the orders it pays
 * @param status {@code pending}, {@code paid} or {@code failed}
 * @param attempts how often the provider was called
 * @param createdAt when it was made
 * @param paidAt when the provider sent it, {@code null} unless paid
 * @param providerReference the provider's id of the transfer, {@code null} unless paid
 */
public record Payout(UUID id, UUID sellerId, long amount, String currency, String method, String reference,
		String transferGroup, String status, int attempts, Instant createdAt, @Nullable Instant paidAt,
		@Nullable String providerReference) {

	public static final String PENDING = "pending";

	public static final String PAID = "paid";

	public static final String FAILED = "failed";

	PayoutInstruction instruction() {
		return new PayoutInstruction(this.id, this.sellerId, this.reference, this.amount, this.currency,
				this.transferGroup);
	}

}
