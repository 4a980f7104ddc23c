package dev.ticketing.payments.ledger;

/**
 * What a journal records; with its reference it names the fact, which is journaled once.
 */
public enum JournalKind {

	/** A payment's money into its order's escrow; reference: the payment. */
	CHARGE("charge"),

	/** An order's escrow to its seller, less the fee; reference: the order. */
	RELEASE("release"),

	/** A payment's money back to the buyer; reference: the payment. */
	REFUND("refund"),

	/** A seller's payable sent out; reference: the payout. */
	PAYOUT("payout"),

	/** A failed payout's money back in the seller's payable; reference: the payout. */
	PAYOUT_REVERSAL("payout_reversal"),

	/**
	 * Money taken back from a seller's transfer after a refund; reference: the refunded
	 * payment.
	 */
	TRANSFER_REVERSAL("transfer_reversal");

	private final String value;

	JournalKind(String value) {
		this.value = value;
	}

	public String value() {
		return this.value;
	}

}
