package dev.ticketing.payments.ledger;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/payments/ledger/balances}, for {@code support} accounts only (the
 * payment routes require the role).
 */
@RestController
class LedgerController {

	private final LedgerReports reports;

	LedgerController(LedgerReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/payments/ledger/balances")
	Balances balances() {
		return this.reports.balances();
	}

}
