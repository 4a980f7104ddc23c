package dev.ticketing.payments.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/payments}.
 *
 * @param orderId the order to pay, a UUID
 * @param paymentMethod the provider's payment method, e.g. {@code pm_card_visa}
 */
public record PaymentRequest(
		@NotNull @Pattern(regexp = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
				message = "must be a UUID") String orderId,
		@NotNull @Size(min = 1, max = 255) @Pattern(regexp = "[A-Za-z0-9_]*",
				message = "must be a payment method id such as pm_card_visa") String paymentMethod) {

}
