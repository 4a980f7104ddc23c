package dev.ticketing.payments.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.ticketing.common.web.Uuid;

/**
 * The body of {@code POST /api/payments}.
 *
 * @param orderId the order to pay, a UUID
 * @param paymentMethod the provider's payment method, e.g. {@code pm_card_visa}
 */
public record PaymentRequest(@NotNull @Uuid String orderId,
		@NotNull @Size(min = 1, max = 255) @Pattern(regexp = "[A-Za-z0-9_]*",
				message = "must be a payment method id such as pm_card_visa") String paymentMethod) {

}
