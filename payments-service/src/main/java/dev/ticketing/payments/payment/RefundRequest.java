package dev.ticketing.payments.payment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/payments/{id}/refunds}.
 *
 * @param reason why support refunds it, kept with the payment
 */
public record RefundRequest(@NotBlank @Size(max = 500) String reason) {

}
