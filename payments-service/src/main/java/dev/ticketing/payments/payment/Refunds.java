package dev.ticketing.payments.payment;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

import dev.ticketing.common.messaging.Outbox;
import dev.ticketing.payments.escrow.EscrowService;
import dev.ticketing.payments.payout.TransferReversals;
import dev.ticketing.payments.provider.PaymentProvider;
import dev.ticketing.payments.provider.Refund;

/**
 * Giving a payment's money back, in the caller's transaction: the provider refunds first
 * (keyed by the payment, so a retry never refunds twice), then the payment is recorded
 * refunded, {@code payments.v1.payment.refunded} is written to the outbox, and the ledger
 * takes the money from the order's escrow, or from its seller after the release (and back
 * from the seller's transfer, where the payout method can take it back).
 */
@Component
class Refunds {

	private static final Logger logger = LoggerFactory.getLogger(Refunds.class);

	private final PaymentRepository payments;

	private final PaymentProvider provider;

	private final Outbox outbox;

	private final EscrowService escrows;

	private final TransferReversals transfers;

	private final Clock clock;

	Refunds(PaymentRepository payments, PaymentProvider provider, Outbox outbox, EscrowService escrows,
			TransferReversals transfers, Clock clock) {
		this.payments = payments;
		this.provider = provider;
		this.outbox = outbox;
		this.escrows = escrows;
		this.transfers = transfers;
		this.clock = clock;
	}

	/**
	 * Refunds a recorded, succeeded payment for {@code reason} and announces it.
	 * @throws dev.ticketing.payments.provider.PaymentProviderException if the provider
	 * failed; nothing is recorded
	 */
	Payment refund(Payment payment, String reason) {
		atProvider(payment);
		Payment refunded = payment.refund(reason, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		this.payments.update(refunded);
		this.outbox.append(PaymentEvents.refunded(refunded));
		EscrowService.RefundSource source = this.escrows.refund(payment.id(), payment.orderId(), payment.amount(),
				payment.currency());
		if (source instanceof EscrowService.RefundSource.AfterRelease released) {
			this.transfers.afterRefund(payment.id(), released, payment.currency());
		}
		logger.info("Refunded payment {} of order {} ({})", payment.id(), payment.orderId(), reason);
		return refunded;
	}

	/** Asks the provider to give a payment's money back, once whatever the retries. */
	void atProvider(Payment payment) {
		this.provider.refund(new Refund("refund-" + payment.providerPaymentId(), payment.id(),
				payment.providerPaymentId(), payment.amount(), payment.currency()));
	}

}
