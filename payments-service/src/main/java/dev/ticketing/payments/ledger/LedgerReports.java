package dev.ticketing.payments.ledger;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What support reads of the ledger, in one snapshot: the accounts and the totals come
 * from the same transaction, so the totals are those of the accounts shown.
 */
@Service
class LedgerReports {

	private final Ledger ledger;

	LedgerReports(Ledger ledger) {
		this.ledger = ledger;
	}

	@Transactional(readOnly = true, isolation = org.springframework.transaction.annotation.Isolation.REPEATABLE_READ)
	Balances balances() {
		return this.ledger.balances();
	}

}
