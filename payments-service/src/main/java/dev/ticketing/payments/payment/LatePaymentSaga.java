package dev.ticketing.payments.payment;

import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The late-payment saga (DESIGN §3): a payment that succeeded for an order that was then
 * cancelled, because its hold ran out or its buyer cancelled while the charge was at the
 * provider, is given back and announced with reason {@code order_cancelled}.
 */
@Component
class LatePaymentSaga {

	private final PaymentRepository payments;

	private final Refunds refunds;

	LatePaymentSaga(PaymentRepository payments, Refunds refunds) {
		this.payments = payments;
		this.refunds = refunds;
	}

	/**
	 * Refunds the order's succeeded payment, if it has one, in the transaction that
	 * applies {@code order.cancelled}. Running it again (a redelivery) finds nothing left
	 * to refund.
	 * @return whether a payment was refunded
	 */
	@Transactional
	boolean onOrderCancelled(UUID orderId) {
		Optional<Payment> paid = this.payments.findSucceededForUpdate(orderId);
		paid.ifPresent((payment) -> this.refunds.refund(payment, Payment.ORDER_CANCELLED));
		return paid.isPresent();
	}

}
