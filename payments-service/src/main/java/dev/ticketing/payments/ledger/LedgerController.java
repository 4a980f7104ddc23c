package dev.ticketing.payments.ledger;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;

/**
 * {@code GET /api/payments/ledger/balances}, for {@code support} accounts only (the
 * payment routes require the role).
 */
@RestController
@Tag(name = "ledger")
class LedgerController {

	private final LedgerReports reports;

	LedgerController(LedgerReports reports) {
		this.reports = reports;
	}

	@GetMapping("/api/payments/ledger/balances")
	@Operation(summary = "The ledger's balances (role support); every total is 0")
	@ApiResponse(responseCode = "200", description = "{accounts, totals}")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "403", description = "forbidden: no support role")
	@SecurityRequirement(name = ApiDocs.SESSION)
	Balances balances() {
		return this.reports.balances();
	}

}
