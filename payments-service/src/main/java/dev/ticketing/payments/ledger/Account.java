package dev.ticketing.payments.ledger;

/**
 * The ledger's accounts (ADR 17). Balances are signed: debits positive, credits negative,
 * so the money the platform holds at the provider is positive, and what it owes (an
 * order's escrow, a seller's payable, its own fees) is negative.
 */
public enum Account {

	/** The platform's money at the payment provider. */
	PROVIDER_CASH("provider_cash", false),

	/**
	 * An order's money from its charge until its release or refund; owned by the order.
	 */
	ESCROW("escrow", true),

	/** What is owed to a seller, released and not paid out yet; owned by the seller. */
	SELLER_PAYABLE("seller_payable", true),

	/** The platform's fees. */
	PLATFORM_FEES("platform_fees", false);

	private final String value;

	private final boolean owned;

	Account(String value, boolean owned) {
		this.value = value;
		this.owned = owned;
	}

	/** The account's name in the database and in balances. */
	public String value() {
		return this.value;
	}

	/** Whether there is one such account per owner (an order, a seller). */
	public boolean isOwned() {
		return this.owned;
	}

	static Account of(String value) {
		for (Account account : values()) {
			if (account.value.equals(value)) {
				return account;
			}
		}
		throw new IllegalArgumentException("Unknown ledger account " + value);
	}

}
