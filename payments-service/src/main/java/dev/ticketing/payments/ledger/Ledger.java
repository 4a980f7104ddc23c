package dev.ticketing.payments.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ledger (tables {@code ledger_journals} and {@code ledger_entries}), written in the
 * caller's transaction. The database checks at commit that each journal balances, and
 * refuses any update or delete.
 */
@Repository
public class Ledger {

	private final JdbcClient jdbc;

	Ledger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Appends a journal, unless one of its kind and reference is there already.
	 * @return whether it was appended
	 */
	public boolean record(Journal journal, Instant at) {
		if (journal.isEmpty()) {
			return false;
		}
		UUID id = UUID.randomUUID();
		int inserted = this.jdbc
			.sql("INSERT INTO ledger_journals (id, kind, reference, created_at) VALUES (?, ?, ?, ?)"
					+ " ON CONFLICT (kind, reference) DO NOTHING")
			.params(id, journal.kind().value(), journal.reference(), Timestamp.from(at))
			.update();
		if (inserted == 0) {
			return false;
		}
		for (Entry entry : journal.entries()) {
			this.jdbc
				.sql("INSERT INTO ledger_entries (journal_id, account, owner, currency, amount) VALUES (?, ?, ?, ?, ?)")
				.params(id, entry.account().value(), entry.owner(), entry.currency(), entry.amount())
				.update();
		}
		return true;
	}

	/** Whether a journal of this kind and reference is there. */
	public boolean contains(JournalKind kind, UUID reference) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_journals WHERE kind = ? AND reference = ?")
			.params(kind.value(), reference)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * A seller's payable in one currency, as what is owed to them: positive when they are
	 * owed money, negative when a refund took back more than was left.
	 */
	public long owedTo(UUID sellerId, String currency) {
		return this.jdbc
			.sql("SELECT -coalesce(sum(amount), 0) FROM ledger_entries"
					+ " WHERE account = 'seller_payable' AND owner = ? AND currency = ?")
			.params(sellerId, currency)
			.query(Long.class)
			.single();
	}

	/**
	 * Takes, until the caller's transaction ends, the lock of a seller's payable in one
	 * currency, on any instance: a payout is made under it (what is owed is read, then
	 * the released orders it pays are marked), and a release journals into the payable
	 * under it, so that no release commits between the two. Callers that take several
	 * take them in one order: by seller id as text, then currency.
	 */
	public void lockPayable(UUID sellerId, String currency) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("payout:" + sellerId + ":" + currency)
			.query((rs, row) -> 1)
			.single();
	}

	/** Every account with a balance other than 0, and the totals per currency. */
	public Balances balances() {
		List<Balances.AccountBalance> accounts = this.jdbc
			.sql("SELECT account, owner, currency, sum(amount) AS balance FROM ledger_entries"
					+ " GROUP BY account, owner, currency HAVING sum(amount) <> 0 ORDER BY account, currency, owner")
			.query((rs, row) -> new Balances.AccountBalance(
					name(Account.of(rs.getString("account")), rs.getObject("owner", UUID.class)),
					rs.getString("currency"), rs.getLong("balance")))
			.list();
		List<Balances.Total> totals = this.jdbc
			.sql("SELECT currency, sum(amount) AS balance FROM ledger_entries GROUP BY currency ORDER BY currency")
			.query((rs, row) -> new Balances.Total(rs.getString("currency"), rs.getLong("balance")))
			.list();
		return new Balances(accounts, totals);
	}

	private static String name(Account account, @Nullable UUID owner) {
		return (owner != null) ? account.value() + ":" + owner : account.value();
	}

}
