package dev.ticketing.payments.ledger;

import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One line of a journal.
 *
 * @param account the account moved
 * @param owner the order or seller the account belongs to, {@code null} for the
 * platform's accounts
 * @param currency ISO 4217
 * @param amount in minor units: positive debits, negative credits
 */
public record Entry(Account account, @Nullable UUID owner, String currency, long amount) {

	public Entry {
		Objects.requireNonNull(account, "account");
		Objects.requireNonNull(currency, "currency");
		if (account.isOwned() != (owner != null)) {
			throw new IllegalArgumentException(
					"Account " + account.value() + (account.isOwned() ? " needs an owner" : " has no owner"));
		}
	}

}
