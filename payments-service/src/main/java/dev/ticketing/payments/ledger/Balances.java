package dev.ticketing.payments.ledger;

import java.util.List;

/**
 * The ledger's balances.
 *
 * @param accounts every account whose balance is not 0: {@code provider_cash},
 * {@code platform_fees}, {@code escrow:<order id>}, {@code seller_payable:<seller id>}
 * @param totals the sum of every account per currency: 0, as every journal balances
 */
public record Balances(List<AccountBalance> accounts, List<Total> totals) {

	/**
	 * @param account the account's name
	 * @param currency ISO 4217
	 * @param balance signed minor units: debit positive, credit negative
	 */
	public record AccountBalance(String account, String currency, long balance) {

	}

	/**
	 * @param currency ISO 4217
	 * @param balance signed minor units
	 */
	public record Total(String currency, long balance) {

	}

}
