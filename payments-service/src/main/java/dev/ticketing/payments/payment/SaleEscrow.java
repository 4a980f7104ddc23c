package dev.ticketing.payments.payment;

import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.ticketing.payments.escrow.EscrowService;

/**
 * Escrows a completed order's succeeded payment for its seller, in the transaction of the
 * order event that completes what is known of the sale. The payment is locked first, as a
 * refund locks it, so a refund and the escrow's opening never cross.
 */
@Component
class SaleEscrow {

	private final PaymentRepository payments;

	private final EscrowService escrows;

	SaleEscrow(PaymentRepository payments, EscrowService escrows) {
		this.payments = payments;
		this.escrows = escrows;
	}

	void openIfComplete(UUID orderId) {
		this.payments.findSucceededForUpdate(orderId)
			.ifPresent((payment) -> this.escrows.open(orderId, payment.id(), payment.amount(), payment.currency()));
	}

}
