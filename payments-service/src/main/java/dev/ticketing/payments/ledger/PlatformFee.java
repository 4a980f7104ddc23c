package dev.ticketing.payments.ledger;

/**
 * The platform's share of an order: {@code bps} basis points of its amount, rounded half
 * up to the currency's minor unit. The amount is already in minor units, so a currency
 * with 0 or 3 decimals (JPY, BHD) is rounded to its own whole unit the same way.
 *
 * @param bps basis points, 0 to 10000
 */
public record PlatformFee(int bps) {

	public PlatformFee {
		if (bps < 0 || bps > 10_000) {
			throw new IllegalArgumentException("A fee is 0 to 10000 basis points, was " + bps);
		}
	}

	/** The fee of an amount in minor units. */
	public long of(long amount) {
		if (amount < 0) {
			throw new IllegalArgumentException("A fee is taken of a positive amount, was " + amount);
		}
		// Half up: add half of the divisor before dividing. Exact: no overflow goes
		// unseen.
		return Math.addExact(Math.multiplyExact(amount, this.bps), 5_000) / 10_000;
	}

}
