package dev.ticketing.payments.payout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.apidocs.ApiDocs;
import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * The caller as a seller: where they are paid, what they earned, their payouts (DESIGN
 * §2, payments-service table).
 */
@RestController
@RequestMapping("/api/payments")
@Tag(name = "payouts")
class PayoutController {

	private final PayoutService payouts;

	PayoutController(PayoutService payouts) {
		this.payouts = payouts;
	}

	@PutMapping("/payout-account")
	@Operation(summary = "Set where the caller is paid out: simulated, or stripe with a connected account id")
	@ApiResponse(responseCode = "200", description = "The payout account, reference masked but its last 4 characters")
	@ApiResponse(responseCode = "400", description = "validation_failed or malformed_request")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PayoutAccountResponse setAccount(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody PayoutAccountRequest request) {
		return PayoutAccountResponse.of(this.payouts.setAccount(user.id(), request.method(), request.reference()));
	}

	@GetMapping("/payout-account")
	@Operation(summary = "Where the caller is paid out")
	@ApiResponse(responseCode = "200", description = "The payout account, reference masked but its last 4 characters")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@ApiResponse(responseCode = "404", description = "payout_account_not_found")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PayoutAccountResponse account(@AuthenticationPrincipal AuthenticatedUser user) {
		return PayoutAccountResponse.of(this.payouts.account(user.id()));
	}

	@GetMapping("/earnings")
	@Operation(summary = "What the caller earned as a seller, per currency: pending, available, paidOut")
	@ApiResponse(responseCode = "200", description = "{balances, nextReleaseAt}")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	Earnings earnings(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.payouts.earnings(user.id());
	}

	@GetMapping("/payouts")
	@Operation(summary = "The caller's payouts")
	@ApiResponse(responseCode = "200", description = "A page of payouts")
	@ApiResponse(responseCode = "401", description = "unauthenticated")
	@SecurityRequirement(name = ApiDocs.SESSION)
	PageResponse<PayoutResponse> list(@AuthenticationPrincipal AuthenticatedUser user, PageQuery page) {
		return this.payouts.payouts(user.id(), page).map(PayoutResponse::of);
	}

}
