package dev.ticketing.payments.payout;

import jakarta.validation.Valid;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.ticketing.common.security.AuthenticatedUser;
import dev.ticketing.common.web.PageQuery;
import dev.ticketing.common.web.PageResponse;

/**
 * The caller as a seller: where they are paid, what they earned, their payouts (DESIGN
 * §2, payments-service table).
 */
@RestController
@RequestMapping("/api/payments")
class PayoutController {

	private final PayoutService payouts;

	PayoutController(PayoutService payouts) {
		this.payouts = payouts;
	}

	@PutMapping("/payout-account")
	PayoutAccountResponse setAccount(@AuthenticationPrincipal AuthenticatedUser user,
			@Valid @RequestBody PayoutAccountRequest request) {
		return PayoutAccountResponse.of(this.payouts.setAccount(user.id(), request.method(), request.reference()));
	}

	@GetMapping("/payout-account")
	PayoutAccountResponse account(@AuthenticationPrincipal AuthenticatedUser user) {
		return PayoutAccountResponse.of(this.payouts.account(user.id()));
	}

	@GetMapping("/earnings")
	Earnings earnings(@AuthenticationPrincipal AuthenticatedUser user) {
		return this.payouts.earnings(user.id());
	}

	@GetMapping("/payouts")
	PageResponse<PayoutResponse> list(@AuthenticationPrincipal AuthenticatedUser user, PageQuery page) {
		return this.payouts.payouts(user.id(), page).map(PayoutResponse::of);
	}

}
