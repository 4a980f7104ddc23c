package dev.ticketing.payments.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import dev.ticketing.payments.PaymentsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database itself keeps the ledger append-only and balanced, whatever code writes to
 * it.
 */
class LedgerIntegrationTests extends PaymentsIntegrationTest {

	@Autowired
	private Ledger ledger;

	@Autowired
	private TransactionTemplate transactions;

	private long journalsOf(UUID reference) {
		return this.jdbc.sql("SELECT count(*) FROM ledger_journals WHERE reference = ?")
			.param(reference)
			.query(Long.class)
			.single();
	}

	private UUID journal(UUID reference) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("INSERT INTO ledger_journals (id, kind, reference, created_at) VALUES (?, 'charge', ?, ?)")
			.params(id, reference, Timestamp.from(Instant.now()))
			.update();
		return id;
	}

	private void entry(UUID journal, String account, UUID owner, String currency, long amount) {
		this.jdbc
			.sql("INSERT INTO ledger_entries (journal_id, account, owner, currency, amount) VALUES (?, ?, ?, ?, ?)")
			.params(journal, account, owner, currency, amount)
			.update();
	}

	@Test
	void recordsAJournalOnceForItsKindAndReference() {
		UUID payment = UUID.randomUUID();
		Journal charge = Journal.charge(payment, UUID.randomUUID(), 500, "EUR");

		Boolean first = this.transactions.execute((status) -> this.ledger.record(charge, Instant.now()));
		Boolean second = this.transactions.execute((status) -> this.ledger.record(charge, Instant.now()));

		assertThat(first).isTrue();
		assertThat(second).isFalse();
		assertThat(journalsOf(payment)).isEqualTo(1);
		assertThat(this.ledger.contains(JournalKind.CHARGE, payment)).isTrue();
	}

	@Test
	void refusesToCommitAJournalThatDoesNotBalance() {
		UUID reference = UUID.randomUUID();
		UUID order = UUID.randomUUID();

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			UUID journal = journal(reference);
			entry(journal, "provider_cash", null, "EUR", 100);
			entry(journal, "escrow", order, "EUR", -99);
		})).hasMessageContaining("does not balance");
		assertThat(journalsOf(reference)).isZero();
	}

	@Test
	void refusesToCommitAJournalThatBalancesOnlyAcrossCurrencies() {
		UUID reference = UUID.randomUUID();

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			UUID journal = journal(reference);
			entry(journal, "provider_cash", null, "EUR", 100);
			entry(journal, "escrow", UUID.randomUUID(), "USD", -100);
		})).hasMessageContaining("does not balance");
		assertThat(journalsOf(reference)).isZero();
	}

	@Test
	void refusesToChangeOrDeleteWhatIsWritten() {
		UUID payment = UUID.randomUUID();
		this.transactions.executeWithoutResult(
				(status) -> this.ledger.record(Journal.charge(payment, UUID.randomUUID(), 700, "EUR"), Instant.now()));

		assertThatThrownBy(() -> this.jdbc
			.sql("UPDATE ledger_entries SET amount = amount * 2 WHERE journal_id IN"
					+ " (SELECT id FROM ledger_journals WHERE reference = ?)")
			.param(payment)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc
			.sql("DELETE FROM ledger_entries WHERE journal_id IN (SELECT id FROM ledger_journals WHERE reference = ?)")
			.param(payment)
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(
				() -> this.jdbc.sql("DELETE FROM ledger_journals WHERE reference = ?").param(payment).update())
			.hasMessageContaining("append-only");
		assertThat(this.jdbc
			.sql("SELECT sum(abs(amount)) FROM ledger_entries WHERE journal_id IN"
					+ " (SELECT id FROM ledger_journals WHERE reference = ?)")
			.param(payment)
			.query(Long.class)
			.single()).isEqualTo(1400);
	}

	@Test
	void refusesEntriesOfZeroOrWithTheWrongOwner() {
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			UUID journal = journal(UUID.randomUUID());
			entry(journal, "escrow", null, "EUR", 5);
			entry(journal, "provider_cash", null, "EUR", -5);
		})).hasMessageContaining("ledger_entries");
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			UUID journal = journal(UUID.randomUUID());
			entry(journal, "provider_cash", null, "EUR", 0);
		})).hasMessageContaining("ledger_entries");
	}

}
