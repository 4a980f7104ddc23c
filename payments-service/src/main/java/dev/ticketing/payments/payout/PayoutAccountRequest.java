package dev.ticketing.payments.payout;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code PUT /api/payments/payout-account}. Whether the reference suits the
 * method (a connected account {@code acct_…} for {@code stripe}) is checked by
 * {@link PayoutService}.
 *
 * @param method {@code simulated} or {@code stripe}
 * @param reference where to be paid, printable characters without spaces
 */
public record PayoutAccountRequest(
		@NotNull @Pattern(regexp = "simulated|stripe", message = "must be simulated or stripe") String method,
		@NotNull @Size(min = 1, max = 255) @Pattern(regexp = "[\\x21-\\x7E]*",
				message = "must be printable ASCII without spaces") String reference) {

}
