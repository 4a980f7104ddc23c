package dev.ticketing.tickets.ticket;

/**
 * The highest price a listing may ask (DESIGN §2):
 * {@code floor(faceValue × percent / 100)}, so 100 allows face value only.
 *
 * @param percent {@code TICKETS_PRICE_CAP_PERCENT}, at least 100
 */
public record PriceCap(int percent) {

	/** The largest cap accepted: ten times face value. */
	public static final int MAX_PERCENT = 1000;

	public PriceCap {
		if (percent < 100 || percent > MAX_PERCENT) {
			throw new IllegalArgumentException("The price cap must be between 100 and " + MAX_PERCENT + " percent");
		}
	}

	/** The highest price allowed for a ticket of this face value. */
	public long highestPrice(long faceValue) {
		return Math.multiplyExact(faceValue, this.percent) / 100;
	}

	/**
	 * @throws PriceAboveCapException if the price is above the cap
	 */
	void check(long price, long faceValue, String currency) {
		long highest = highestPrice(faceValue);
		if (price > highest) {
			throw new PriceAboveCapException(highest, faceValue, currency, this.percent);
		}
	}

}
